"""Claims: each clause's who-did-what-to-whom frame, voice normalised.

One `Claim` per verb that has a subject or an object:

- **voice**: a passive's "by" agent becomes the subject and its passive subject the object,
  so "Kyiv's delegation will be led by X" and "X will lead Kyiv's delegation" give the same
  frame (subject X, predicate "lead", object "delegation", object side "Ukraine");
  ``passive`` records how it was written. A participle with an agent ("the delegation, led by
  X") is read the same way.
- **control**: a verb reached through "to" carries the claim; the verbs above it go to
  ``control`` ("Russian negotiators refused to drop harsh demands" → subject "negotiator"
  (side Russia), predicate "drop", control ("refuse",)). Subject-control verbs ("refuse",
  "try", "fail") make no claim of their own; others ("urge sides to keep") keep theirs, and
  their object is the subject of the inner verb.
- **negation**: a "not"/"never" on the verb or a verb controlling it, a "no"/"no one"/
  "nothing" subject or object, "fail to", "be unable to". "Refuse to" is not negation (it is
  an act, kept in ``control``).
- **hedge**: "could", "may", "might"; "is expected/likely/believed/said to", "appears to";
  "reportedly", "allegedly", "likely", "probably", "possibly", "apparently".
- **arguments**: a person's canonical name (titles standing for them count: "Putin's aide,
  Vladimir Medinsky," is Medinsky; "he"/"she" is the person last named within two
  sentences), a place's side ("Kyiv" → "Ukraine"), or the phrase's head lemma with its
  compounds; "who"/"which" stand for the noun their clause is on. Coordinated subjects and
  objects give one claim each.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.model import Claim, Person
from copydesk.ledger.people import dominant_side, token_people
from copydesk.ledger.quotations import PRONOUNS
from copydesk.ledger.sides import np_side
from copydesk.ledger.titles import DELEGATION_MODIFIERS
from copydesk.lexicon.modality import HEDGE_ADVERBS, HEDGE_CONTROL, HEDGE_MODALS, NEGATIVE_WORDS
from copydesk.lexicon.places import side_of
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token

#: Verbs whose subject is the subject of their "to" verb and which add only an attitude or
#: aspect to it ("refused to drop", "tried to secure"): folded into the inner claim's
#: ``control``.
SUBJECT_CONTROL = frozenset(
    {
        "refuse", "try", "want", "fail", "manage", "agree", "decide", "plan", "seek",
        "attempt", "hope", "begin", "start", "continue", "promise", "threaten", "vow",
        "offer", "aim", "intend", "prepare", "need", "wish", "struggle", "decline", "pledge",
        "choose", "tend", "appear", "seem", "expect", "get", "go", "have", "cease", "stop",
    }
)  # fmt: skip

#: Control verbs that deny the inner verb happened ("failed to produce a ceasefire").
NEGATIVE_CONTROL = frozenset({"fail", "cease", "neglect"})

#: Adjectives that take "to" and deny it ("were unable to end the conflict").
NEGATIVE_ADJECTIVES = frozenset({"unable", "incapable"})

#: Adjectives that take "to" and leave it standing ("able to", "ready to", "willing to").
CONTROL_ADJECTIVES = frozenset(
    {"able", "unable", "incapable", "ready", "willing", "unwilling", "eager", "prepared",
     "likely", "unlikely", "set", "due", "determined", "keen", "poised", "certain", "sure"}
)  # fmt: skip


#: Prepositions whose object stands in for a direct object when there is none ("meet with",
#: "lead to", "focus on", "serve as"). Dates and times after them are circumstances, not
#: objects ("arrived on Wednesday").
PREP_OBJECTS = ("as", "with", "against", "to", "on", "into", "for", "from", "over", "about")

#: Verbs that are attribution frames, not claims: the attribution ledger reads them.
ATTRIBUTION_ONLY = frozenset({"accord"})

#: "serve as the head of X" and "be the head of X" say "lead X"; these verbs and nouns are
#: normalised to that frame so a role stated either way compares equal.
AS_LEAD_VERBS = frozenset({"serve", "act", "be"})
LEADER_NOUNS = frozenset({"head", "chief", "leader"})

#: Verbs that mean "lead" when they take an object ("heads the team", "is headed by"); without
#: one, "head" is a verb of motion ("will head for Istanbul").
LEAD_SYNONYMS = frozenset({"head", "helm", "spearhead"})

#: Nouns for a negotiating team as a body; "negotiators" stay people.
TEAM_WORDS = frozenset({"delegation", "team"})

#: Heads that only quantify: "four of its regions" is about "region".
QUANTIFIER_HEADS = frozenset({"some", "many", "most", "all", "part", "one", "none", "each"})

#: Object-control verbs: their object is the subject of their "to" verb ("urged both sides
#: to keep dialogue open").
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "tell", "force", "persuade", "order", "invite", "allow", "encourage",
     "press", "pressure", "call", "push", "compel", "help", "warn", "advise", "instruct"}
)  # fmt: skip

#: How far back (in sentences) "he"/"she" looks for the person it stands for; two covers a
#: quote paragraph following the sentence that names the speaker.
PRONOUN_LOOKBACK_SENTENCES = 2

#: Most conjuncts expanded per argument: "Russia, Ukraine and Turkey met" gives three claims;
#: a long list is a list, not several claims.
MAX_CONJUNCTS = 4

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


@dataclass(frozen=True, slots=True)
class _Arg:
    """A resolved argument: what it is called, its side, and its span."""

    name: str
    side: str | None
    span: Span


class _Context:
    """What resolving arguments needs: people by token, sides by person, recent mentions."""

    def __init__(self, doc: Annotated, people: Sequence[Person]) -> None:
        self.doc = doc
        self.by_token = token_people(doc, people)
        self.sides = {p.name: dominant_side(p) for p in people}
        # Every name mention, and the salient ones: a person as subject, agent, or the source
        # in "according to X" / "quoting X". "he"/"she" prefers the salient.
        self.mentions: list[tuple[int, str]] = sorted(
            (i, name) for i, name in self.by_token.items() if doc.tokens[i].pos == "PROPN"
        )
        self.salient: list[tuple[int, str]] = sorted(
            (i, name) for i, name in self.by_token.items() if _is_salient(doc, doc.tokens[i])
        )

    def person_before(self, tok: Token) -> str | None:
        """The person "he"/"she" at ``tok`` stands for: the last salient person in this or the
        previous sentence, else the last salient one, else the last named one, within the
        lookback window."""
        sent_of = self.doc.tokens
        window = tok.sent - PRONOUN_LOOKBACK_SENTENCES
        for pool, first in (
            (self.salient, tok.sent - 1),
            (self.salient, window),
            (self.mentions, window),
        ):
            best = None
            for i, name in pool:
                if i >= tok.i:
                    break
                if sent_of[i].sent >= first:
                    best = name
            if best is not None:
                if tok.dep in _SUBJECT_DEPS:
                    insort(self.salient, (tok.i, best))
                return best
        return None


def _is_salient(doc: Annotated, tok: Token) -> bool:
    """A name (or title standing for one) that is a clause's subject, a passive's agent, or
    the source of "according to X" / "quoting X"."""
    cur = tok
    for _ in range(4):  # climb from a name token to its phrase head
        if cur.dep not in {"compound", "flat", "appos", "conj"} or cur.head == cur.i:
            break
        cur = doc.tokens[cur.head]
    if cur.dep in _SUBJECT_DEPS:
        return True
    parent = doc.tokens[cur.head]
    if cur.dep == "pobj" and parent.dep == "agent":
        return True
    if (
        cur.dep == "pobj"
        and parent.text.lower() == "to"
        and doc.tokens[parent.head].lemma == ("accord")
    ):
        return True
    return cur.dep == "dobj" and parent.lemma.lower() in {"quote", "cite"}


def _np_span(doc: Annotated, tok: Token) -> Span:
    """The noun phrase's own words: determiners, modifiers and possessors, not its clauses."""
    keep = {tok.i}
    stack = [tok.i]
    while stack:
        j = stack.pop()
        for child in doc.children(j):
            if child.dep in {"compound", "amod", "poss", "case", "nmod", "det", "nummod", "flat"}:
                keep.add(child.i)
                stack.append(child.i)
            elif child.dep == "prep" and child.text.lower() == "of" and j == tok.i:
                for d in doc.subtree(child.i):
                    keep.add(d.i)
    toks = [doc.tokens[i] for i in sorted(keep)]
    return Span(toks[0].start, toks[-1].end)


def _head_phrase(doc: Annotated, tok: Token) -> str:
    """A phrase's head lemma with its compound modifiers: "prisoner exchange", "delegation".
    A negotiating team ("the Kremlin's team", "the negotiating team") is "delegation", as in
    the people ledger's "head of delegation"."""
    parts = [
        c.lemma.lower()
        for c in doc.children(tok.i)
        if c.dep == "compound" and c.i < tok.i and side_of(c.text) is None
    ]
    head = tok.lemma.lower()
    modifiers = {
        c.text.lower()
        for c in doc.children(tok.i)
        if c.dep in {"compound", "amod"} and c.i < tok.i and side_of(c.text) is None
    }
    if head in TEAM_WORDS and modifiers <= DELEGATION_MODIFIERS:
        return "delegation"
    return " ".join([*parts, head])


def _resolve(ctx: _Context, tok: Token) -> _Arg | None:
    doc = ctx.doc
    low = tok.text.lower()
    if low in _RELATIVE_PRONOUNS:
        verb = doc.tokens[tok.head]
        if verb.dep in {"relcl", "acl"} and verb.head != verb.i:
            antecedent = doc.tokens[verb.head]
            if low == "which" and antecedent.i in ctx.by_token:
                return None  # "which" is never a person: the parser attached it wrongly
            return _resolve(ctx, antecedent)
        return None
    if tok.pos == "PRON" and low in PRONOUNS:
        name = ctx.person_before(tok)
        if name is None:
            return _Arg(low, None, tok.span)
        return _Arg(name, ctx.sides.get(name), tok.span)
    span = _np_span(doc, tok)
    person = ctx.by_token.get(tok.i)
    if person is None:
        for child in doc.children(tok.i):
            if child.dep == "appos" and child.i in ctx.by_token:
                person = ctx.by_token[child.i]
                break
    if person is not None:
        return _Arg(person, ctx.sides.get(person), span)
    if tok.pos == "PROPN" or tok.text[:1].isupper():
        text = doc.text[span.start : span.end]
        side = side_of(text) or side_of(tok.text)
        if side is not None and not any(c.dep in {"poss", "amod"} for c in doc.children(tok.i)):
            return _Arg(side, side, span)
    if low in {"no", "none", "nobody", "nothing"} or (
        low == "one" and any(c.text.lower() == "no" for c in doc.children(tok.i))
    ):
        return _Arg("no one" if low in {"one", "nobody"} else low, None, span)
    side, possessor = np_side(doc, tok, ctx.by_token)
    if side is None and possessor is not None:
        side = ctx.sides.get(ctx.by_token.get(possessor, ""))
    return _Arg(_head_phrase(doc, tok), side, span)


def _conjuncts(doc: Annotated, tok: Token) -> list[Token]:
    out = [tok]
    cur = tok
    while len(out) < MAX_CONJUNCTS:
        nxt = [c for c in doc.children(cur.i) if c.dep == "conj" and c.pos == tok.pos]
        if not nxt:
            break
        cur = nxt[0]
        out.append(cur)
    return out


def _is_negative(doc: Annotated, tok: Token) -> bool:
    """ "no one", "nothing", "no indication": an argument that negates its clause."""
    if tok.text.lower() in NEGATIVE_WORDS:
        return True
    return any(c.dep == "det" and c.text.lower() in NEGATIVE_WORDS for c in doc.children(tok.i))


def _has_neg(doc: Annotated, verb: Token) -> bool:
    return any(
        c.dep == "neg" or (c.dep == "advmod" and c.text.lower() == "never")
        for c in doc.children(verb.i)
    )


def _has_hedge(doc: Annotated, verb: Token) -> bool:
    for c in doc.children(verb.i):
        low = c.text.lower()
        if c.dep == "aux" and c.tag == "MD" and low in HEDGE_MODALS:
            return True
        if c.dep == "advmod" and low in HEDGE_ADVERBS:
            return True
        if c.dep == "advmod" and any(g.text.lower() in HEDGE_ADVERBS for g in doc.children(c.i)):
            return True
    return False


def _is_passive(doc: Annotated, verb: Token) -> bool:
    return any(c.dep in {"nsubjpass", "auxpass"} for c in doc.children(verb.i)) or (
        verb.dep == "acl" and verb.tag == "VBN"
    )


def _predicate(doc: Annotated, verb: Token) -> tuple[str, Span]:
    parts = [verb.lemma.lower()]
    end = verb.end
    for c in doc.children(verb.i):
        if c.dep == "prt":
            parts.append(c.text.lower())
            end = max(end, c.end)
    return " ".join(parts), Span(verb.start, end)


@dataclass(slots=True)
class _Frame:
    """Control chain and inherited arguments for one verb, worked out top-down."""

    control: tuple[str, ...] = ()
    negated: bool = False
    hedged: bool = False
    subject: Token | None = None  # inherited subject, when the verb has none of its own


def _frames(doc: Annotated, sent_tokens: Sequence[Token]) -> dict[int, _Frame]:
    """Walk each sentence's verbs from the top, carrying control, negation and subjects down
    "to" verbs and coordinated verbs."""
    frames: dict[int, _Frame] = {}
    ids = {t.i for t in sent_tokens}
    roots = [t for t in sent_tokens if t.head == t.i or t.head not in ids]
    stack: list[tuple[Token, _Frame]] = [(r, _Frame()) for r in roots]
    while stack:
        tok, frame = stack.pop()
        frames[tok.i] = frame
        own_subjects = [c for c in doc.children(tok.i) if c.dep in _SUBJECT_DEPS]
        subject = own_subjects[0] if own_subjects else frame.subject
        objects = [c for c in doc.children(tok.i) if c.dep == "dobj"]
        for child in doc.children(tok.i):
            if child.dep == "xcomp" and child.pos in {"VERB", "AUX"}:
                lemma = tok.lemma.lower()
                passive_hedge = lemma in HEDGE_CONTROL and _is_passive(doc, tok)
                hedge_adj = tok.pos == "ADJ" and lemma in {"likely", "unlikely"}
                if lemma in OBJECT_CONTROL and objects:
                    inner_subject: Token | None = objects[0]
                elif tok.pos == "ADJ":
                    inner_subject = _adj_subject(doc, tok) or subject
                else:
                    inner_subject = subject
                negative = lemma in NEGATIVE_CONTROL or lemma in NEGATIVE_ADJECTIVES
                stack.append(
                    (
                        child,
                        _Frame(
                            control=(*frame.control, _control_word(doc, tok)),
                            negated=frame.negated ^ negative ^ _has_neg(doc, tok),
                            hedged=frame.hedged
                            or passive_hedge
                            or hedge_adj
                            or (lemma in {"appear", "seem"})
                            or _has_hedge(doc, tok),
                            subject=inner_subject,
                        ),
                    )
                )
            else:
                # A controlled adjective ("unable") and a coordinated verb share this verb's
                # frame; anything else starts afresh.
                shares = (child.dep == "acomp" and child.lemma.lower() in CONTROL_ADJECTIVES) or (
                    child.dep == "conj" and child.pos in {"VERB", "AUX"}
                )
                inherited = _Frame(frame.control, frame.negated, frame.hedged, subject)
                if shares and child.dep == "acomp":
                    # "Kyiv is not ready to take ...": the copula's "not" and "may" carry over
                    inherited = _Frame(
                        frame.control,
                        frame.negated ^ _has_neg(doc, tok),
                        frame.hedged or _has_hedge(doc, tok),
                        subject,
                    )
                stack.append((child, inherited if shares else _Frame()))
    return frames


def _adj_subject(doc: Annotated, adj: Token) -> Token | None:
    """The subject of the copula an adjective complements ("they were unable to ...")."""
    verb = doc.tokens[adj.head]
    for c in doc.children(verb.i):
        if c.dep in _SUBJECT_DEPS:
            return c
    return None


def _control_word(doc: Annotated, tok: Token) -> str:
    """How a controlling word is recorded: a verb's lemma, an adjective as "be unable"."""
    if tok.pos == "ADJ":
        return f"be {tok.lemma.lower()}"
    return tok.lemma.lower()


def _objects(doc: Annotated, verb: Token, passive: bool) -> tuple[list[Token], str | None]:
    """The verb's object tokens, and the preposition when a prepositional object stands in."""
    children = doc.children(verb.i)
    if passive:
        objs = [c for c in children if c.dep == "nsubjpass"]
        if not objs and verb.dep == "acl":
            objs = [doc.tokens[verb.head]]
        return objs, None
    objs = [c for c in children if c.dep == "dobj"]
    if objs:
        return objs, None
    if verb.lemma.lower() == "be" or verb.pos == "AUX":
        objs = [c for c in children if c.dep in {"attr", "acomp"}]
        if objs:
            return objs, None
    objs = [c for c in children if c.dep in {"oprd", "dative"}]
    if objs:
        return objs, None
    for prep in PREP_OBJECTS:
        for c in children:
            if c.dep == "prep" and c.text.lower() == prep:
                pobj = [
                    o
                    for o in doc.children(c.i)
                    if o.dep == "pobj" and o.ent_type not in {"DATE", "TIME"}
                ]
                if pobj:
                    return pobj, prep
    return [], None


def _unique(args: list[_Arg | None]) -> list[_Arg | None]:
    """One argument per name: a title and the name it stands for ("Security Council Secretary
    and former defence minister Rustem Umerov") are one person. [None] when there is none."""
    out: list[_Arg | None] = []
    seen: set[str] = set()
    for arg in args:
        if arg is None or arg.name in seen:
            continue
        seen.add(arg.name)
        out.append(arg)
    return out or [None]


def _of_object(doc: Annotated, tok: Token) -> Token | None:
    """The noun after ``tok``'s "of" ("regions" in "four of its regions"), or None."""
    for c in doc.children(tok.i):
        if c.dep == "prep" and c.text.lower() == "of":
            for o in doc.children(c.i):
                if o.dep == "pobj":
                    return o
    return None


def _content_head(doc: Annotated, tok: Token) -> Token:
    """ "four of its regions" → "regions": a number or quantifier gives way to its "of" noun."""
    if tok.pos == "NUM" or tok.lemma.lower() in QUANTIFIER_HEADS:
        return _of_object(doc, tok) or tok
    return tok


def _led_object(
    doc: Annotated, verb: Token, objects: Sequence[Token], prep: str | None
) -> Token | None:
    """The X in "serve as the head of X" / "is the head of X", read as "lead X"."""
    if verb.lemma.lower() not in AS_LEAD_VERBS or len(objects) != 1:
        return None
    if prep not in {None, "as"} or (prep is None and verb.lemma.lower() != "be"):
        return None
    noun = objects[0]
    if noun.lemma.lower() not in LEADER_NOUNS:
        return None
    return _of_object(doc, noun)


def _subjects(doc: Annotated, verb: Token, passive: bool, frame: _Frame) -> list[Token]:
    children = doc.children(verb.i)
    if passive:
        return [
            o for a in children if a.dep == "agent" for o in doc.children(a.i) if o.dep == "pobj"
        ]
    own = [c for c in children if c.dep in {"nsubj", "csubj"}]
    if own:
        return own
    if frame.subject is not None:
        return [frame.subject]
    return []


def _is_claim_verb(doc: Annotated, tok: Token) -> bool:
    if tok.pos == "VERB":
        return tok.dep not in {"amod", "compound"}
    if tok.pos == "AUX" and tok.lemma.lower() == "be":
        return tok.dep not in {"aux", "auxpass"}
    return False


def _sentence_claims(ctx: _Context, sent_index: int) -> list[Claim]:
    doc = ctx.doc
    sent = doc.sentences[sent_index]
    toks = doc.sentence_tokens(sent)
    frames = _frames(doc, toks)
    out: list[Claim] = []
    for verb in toks:
        if not _is_claim_verb(doc, verb):
            continue
        frame = frames.get(verb.i, _Frame())
        xcomps = [c for c in doc.children(verb.i) if c.dep == "xcomp" and c.pos in {"VERB", "AUX"}]
        lemma = verb.lemma.lower()
        if lemma in ATTRIBUTION_ONLY:
            continue
        passive = _is_passive(doc, verb)
        objects, prep = _objects(doc, verb, passive)
        objects = [_content_head(doc, o) for o in objects]
        led = _led_object(doc, verb, objects, prep)
        if led is not None:
            objects, prep = [led], None
        if (
            xcomps
            and (lemma in SUBJECT_CONTROL or lemma in HEDGE_CONTROL)
            and not (objects and not passive)
        ):
            continue  # folded into the inner verb's claim
        if any(
            o.dep == "acomp" and any(c.dep == "xcomp" for c in doc.children(o.i)) for o in objects
        ):
            continue  # "were unable to end ...": the claim is the inner verb's
        if verb.pos == "AUX" and not objects:
            continue
        subjects = _subjects(doc, verb, passive, frame)
        if verb.dep == "acl" and passive and not subjects:
            continue  # "the draft memoranda presented": no agent, no frame
        if not subjects and not objects:
            continue
        negated = frame.negated ^ _has_neg(doc, verb)
        predicate, pred_span = _predicate(doc, verb)
        if led is not None or (lemma in LEAD_SYNONYMS and objects and prep is None):
            predicate = "lead"
        if prep is not None:
            predicate = f"{predicate} {prep}"
        hedged = frame.hedged or _has_hedge(doc, verb)
        subj_args = _unique([_resolve(ctx, c) for s in subjects for c in _conjuncts(doc, s)])
        obj_args = _unique([_resolve(ctx, c) for o in objects for c in _conjuncts(doc, o)])
        neg_args = any(_is_negative(doc, t) for t in (*subjects, *objects))
        for subj in subj_args:
            for obj in obj_args:
                spans = [pred_span, *(a.span for a in (subj, obj) if a is not None)]
                start = max(min(s.start for s in spans), sent.start)
                end = min(max(s.end for s in spans), sent.end)
                out.append(
                    Claim(
                        sentence=sent_index,
                        span=Span(start, end),
                        subject=subj.name if subj else None,
                        subject_span=subj.span if subj else None,
                        predicate=predicate,
                        predicate_span=pred_span,
                        object=obj.name if obj else None,
                        object_span=obj.span if obj else None,
                        negated=negated ^ neg_args,
                        hedged=hedged,
                        passive=passive,
                        subject_side=subj.side if subj else None,
                        object_side=obj.side if obj else None,
                        control=frame.control,
                    )
                )
    return out


def extract_claims(doc: Annotated, people: Sequence[Person]) -> tuple[Claim, ...]:
    """Every clause's frame, in text order."""
    ctx = _Context(doc, people)
    claims = [c for s in doc.sentences for c in _sentence_claims(ctx, s.index)]
    return tuple(sorted(claims, key=lambda c: (c.span.start, c.predicate_span.start)))
