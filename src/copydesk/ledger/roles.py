"""The roles an article gives a person's mention.

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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from copydesk.ledger.mentions import Mention, is_capitalised
from copydesk.ledger.model import Role
from copydesk.ledger.sides import np_core, np_side, token_side
from copydesk.ledger.titles import (
    DELEGATION_MODIFIERS,
    DELEGATION_WORDS,
    HEAD_OF_DELEGATION,
    INSTITUTION_WORDS,
    RANK_WORDS,
    Draft,
    is_possessive_mark,
    is_title_word,
    org,
    role_from_tokens,
)
from copydesk.lexicon.normalise import title_form
from copydesk.lexicon.titles import CURRENT_WORDS, FORMER_WORDS
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token

#: Verbs whose subject leads their object ("X will lead Kyiv's delegation").
LEAD_VERBS = frozenset({"lead", "head", "chair", "helm", "spearhead"})

#: Verbs linking a subject to a role ("X is the head of ...", "X became minister").
COPULAS = frozenset({"be", "become", "remain"})

#: Verbs whose passive subject is given a role ("X was appointed deputy prime minister").
APPOINT_VERBS = frozenset({"appoint", "name", "elect", "make", "nominate", "confirm", "choose"})

#: Verbs whose subject holds the role after "as" ("X will serve as the head of ...").
AS_VERBS = frozenset({"serve", "act", "work", "continue", "remain", "stay", "return"})


def pre_name_titles(
    doc: Annotated, m: Mention, names: frozenset[int] = frozenset()
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
        if is_possessive_mark(t):
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
            and is_capitalised(run[0])
            and j > sent.token_start
            and (is_capitalised(doc.tokens[j - 1]))
        ):
            run.insert(0, t)
            j -= 1
            continue
        if t.pos in {"NOUN", "PROPN", "ADJ"} or low in FORMER_WORDS or low in CURRENT_WORDS:
            run.insert(0, t)
            j -= 1
            continue
        break
    while run and (run[0].text.lower() in {"and", "&", "of"} or is_possessive_mark(run[0])):
        run.pop(0)
    if not any(is_title_word(t) for t in run):
        return []
    # Keep only words attached into the name's phrase, cutting at the first loose word.
    members = {t.i for t in run} | set(range(m.start, m.end))
    name_parent = doc.tokens[m.head].head
    if doc.tokens[m.head].dep == "conj" and is_title_word(doc.tokens[name_parent]):
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
        if not any(is_title_word(t) for t in merged[-1]):
            merged[-1] = [*merged[-1], joint, *seg]
        else:
            merged.append(seg)
    if len(merged) > 1 and not any(is_title_word(t) for t in merged[-1]):
        tail = merged.pop()
        merged[-1] = [*merged[-1], *tail]
    return [seg for seg in merged if any(is_title_word(t) for t in seg)]


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
) -> list[Draft]:
    """Roles from "a former culture minister and presidential adviser": the first title and
    its conjuncts, "former" carried rightwards to conjuncts with no determiner or tense word."""
    drafts: list[Draft] = []
    former = False
    for k, tok in enumerate((first, *conjuncts)):
        if not is_title_word(tok) and not has_title_compound(doc, tok):
            continue
        toks = _phrase_tokens(doc, tok, exclude=exclude)
        own_det = any(t.pos == "DET" and t.dep == "det" for t in toks)
        head = tok if is_title_word(tok) else _title_head_in(doc, toks)
        if head is None:
            continue
        draft, said_former = role_from_tokens(
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


def has_title_compound(doc: Annotated, tok: Token) -> bool:
    return any(is_title_word(c) for c in doc.children(tok.i) if c.dep == "compound" and c.i < tok.i)


def _title_head_in(doc: Annotated, toks: Sequence[Token]) -> Token | None:
    titles = [t for t in toks if is_title_word(t)]
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


def mention_roles(
    doc: Annotated, m: Mention, person_tokens: dict[int, str], names: frozenset[int]
) -> list[Draft]:
    head = doc.tokens[m.head]
    name_ids = set(range(m.start, m.end))
    drafts: list[Draft] = []
    # 1. Titles before the name.
    segments = pre_name_titles(doc, m, names)
    former = False
    for k, seg in enumerate(segments):
        title_head = _title_head_in(doc, seg)
        if title_head is None:
            continue
        inherited = former and k > 0 and not any(title_form(t.text) in CURRENT_WORDS for t in seg)
        draft, said_former = role_from_tokens(
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
    if head.dep == "appos" and parent.i < head.i and is_title_word(parent):
        toks = _phrase_tokens(doc, parent, exclude=name_ids)
        draft, _ = role_from_tokens(
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
    if head.dep in {"appos", "conj"} and is_title_word(parent) and parent.i < head.i:
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
) -> list[Draft]:
    lemma = verb.lemma.lower()
    children = doc.children(verb.i)
    if any(c.dep == "neg" for c in children):
        return []
    drafts: list[Draft] = []
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
        if not (is_title_word(noun) or has_title_compound(doc, noun)):
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
) -> Draft | None:
    """ "lead Kyiv's delegation" → head of delegation (Ukraine); "heads the ministry" → head
    of ministry; "leads the offensive" → no role."""
    word = title_form(obj.lemma)
    modifiers = [
        title_form(c.text)
        for c in doc.children(obj.i)
        if c.dep in {"compound", "amod"} and c.i < obj.i and token_side(doc, c) is None
    ]
    if word in DELEGATION_WORDS and set(modifiers) <= DELEGATION_MODIFIERS:
        title = HEAD_OF_DELEGATION
    elif word in DELEGATION_WORDS:
        title = "head of " + " ".join([*modifiers, word])  # "the legal team": not talks
    elif word in INSTITUTION_WORDS:
        core = [
            t
            for t in np_core(doc, obj)
            if t.pos not in {"DET"}
            and not is_possessive_mark(t)
            and token_side(doc, t) is None
            and t.i not in person_tokens
            and t.dep != "poss"
        ]
        title = "head of " + org(" ".join(title_form(t.text) for t in core))
    else:
        return None
    side, possessor = np_side(doc, obj, person_tokens)
    toks = [verb, *np_core(doc, obj)]
    return Draft(Role(title, side, _span_of(toks)), possessor)


def led_by_roles(doc: Annotated, person_tokens: dict[int, str]) -> list[tuple[str, Draft]]:
    """ "Kyiv's delegation will be led by X" and "the delegation, led by X": the agent leads."""
    out: list[tuple[str, Draft]] = []
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


def lead_subject_roles(
    doc: Annotated, person_tokens: dict[int, str], skip: set[int]
) -> list[tuple[str, Draft]]:
    """Active "X will lead Kyiv's delegation" where X is a title standing for a person
    ("Putin's aide, Vladimir Medinsky, would again lead ..."), not the name itself."""
    out: list[tuple[str, Draft]] = []
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
