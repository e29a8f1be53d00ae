"""Corroborate an article's claims against other outlets' reports of the same event.

`corroborate(article, coverage)` is a pure function over analysed documents (parse + ledger).
Each checkable claim of the article gets one `ClaimVerdict`: CORROBORATED, CONTRADICTED or
UNVERIFIED, with the evidence sentences (their span in their own document, outlet and url).
Each contradicted claim also gives a ``corroboration.contradicted`` finding on the claim's span.

What is checked, and when another document bears on it:

Roles (``kind="role"``): the article gives person P the office R for side S ("head of
delegation", Ukraine). A document giving P the same office (or a fuller/shorter form of it)
for S corroborates it. A document giving P exactly R for another state S' contradicts it, and
so does one giving R for S to another person Q when R is an office one person holds for a side
at a time (`claims_match.Office.one_holder`: a side's head of delegation, its president, its
defence minister). Names match across documents by surname and given-name compatibility
(`claims_match.same_person`). Former and current offices are compared only with their kind.

Frames (``kind="frame"``): a who-did-what-to-whom claim with both a subject and an object.
The same predicate with the same subject and object corroborates it; the same predicate with
subject and object exchanged, or with the negation differing, contradicts it. Reporting verbs
("say", "tell") and light verbs are left to the quotation check; a frame that restates a role
given in the same place ("P will lead Kyiv's delegation") is judged as that role, and one whose
object is a date or time ("announced on Wednesday") says when, not to whom, and is left out.

Quotations (``kind="quotation"``): the article's quoted words, found in another document with
at least `claims_match.QUOTE_MIN_SIMILARITY`, corroborate it when that document gives them to
the same speaker, and contradict it when it gives them to a different named person (only for
quotations of `claims_match.QUOTE_CONTRADICTION_MIN_WORDS` words or more). A pronoun speaker
("he added") is the nearest named speaker within `SPEAKER_LOOKBACK_SENTENCES` before.

Quantities (``kind="quantity"``): a number with a unit dimension. Another document's number of
the same dimension, with at least `QUANTITY_SHARED_CONTEXT` content words in common around it,
corroborates it when the values agree and contradicts it when they differ (beyond
`QUANTITY_APPROX_TOLERANCE` when either is hedged with "about", "more than" ...).

A claim is CONTRADICTED when at least `MIN_CONTRADICTING_OUTLETS` outlets contradict it and
no more outlets corroborate than contradict it; CORROBORATED when some outlet corroborates it
and it is not contradicted; UNVERIFIED otherwise. Outlets are counted once however many of their
documents or sentences agree.

Coverage that merely repeats the article is not independent: documents with the article's own
text (same doc id, same content, or more than `COPY_REUSE_MAX` of either text's word
shingles found in the other, quotations left out since independent reports share those) are
left out before anything is judged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copydesk.corpus.claims_match import (
    QUOTE_CONTRADICTION_MIN_WORDS,
    QUOTE_MIN_SIMILARITY,
    QUOTE_MIN_WORDS,
    UNRESOLVED,
    Argument,
    argument,
    compatible_office,
    find_person,
    fold,
    office,
    quote_key,
    quote_similarity,
    same_argument,
    same_office,
    same_person,
    sides_exclusive,
    words,
)
from copydesk.corpus.model import ClaimVerdict, Corroboration, Verdict
from copydesk.kinds import severity_of
from copydesk.ledger.model import Claim, Person, Quantity, Quotation, Role
from copydesk.lexicon.places import recorded_side_key
from copydesk.model import Evidence, Finding, Span
from copydesk.pipeline import Analysed, analyse_many

if TYPE_CHECKING:
    from copydesk.corpus.store import Store

CONTRADICTED_KIND = "corroboration.contradicted"

# --- independence ----------------------------------------------------------------------------

#: Words per shingle when measuring text reuse. Five-word runs are rarely shared by two
#: independent reports of one event (set phrases are shorter), while a copy shares nearly all.
REUSE_SHINGLE_WORDS = 5

#: Share of one text's shingles (quotations left out) found in the other above which a
#: coverage document is the article's own copy, not an independent report. A copy, even
#: trimmed or wrapped in page furniture, shares over 0.8 in one direction; the seed's spun
#: article and its original share 0.04 and 0.11 (the rewording breaks most five-word runs),
#: and the seed article and the five other outlets' reports at most 0.005.
COPY_REUSE_MAX = 0.5

# --- verdicts ----------------------------------------------------------------------------------

#: Outlets that must contradict a claim before it is reported as contradicted. One outlet
#: with a clear contrary statement is what a copy desk wants to see; the verdict then lists
#: how many outlets say what.
MIN_CONTRADICTING_OUTLETS = 1

#: Coverage documents fetched from a store for one article. The other outlets' reports of one
#: event that a search ranks first are the ones that name its people and figures; beyond 20
#: they are mostly other events, and parsing them costs about 0.1 s each.
RELATED_LIMIT = 20

# --- quotations --------------------------------------------------------------------------------

#: How many sentences back a pronoun speaker ("he added") may take its name from: news copy
#: names the speaker in the quotation's sentence or the one or two before.
SPEAKER_LOOKBACK_SENTENCES = 2

#: A quotation in another document shorter than the article's counts as the same words when
#: it has at least this many words and this share of the article's quotation: outlets often
#: quote one sentence of a longer quotation.
QUOTE_FRAGMENT_MIN_WORDS = 4
QUOTE_FRAGMENT_MIN_SHARE = 0.5

# --- frames ------------------------------------------------------------------------------------

#: Predicates that carry no claim of their own across outlets: reporting verbs (judged through
#: quotations), copulas and light verbs whose meaning lies in their complement.
# fmt: off
UNCHECKED_PREDICATES = frozenset({
    "say", "tell", "add", "state", "note", "report", "explain", "write", "comment", "remark",
    "speak", "confirm", "announce", "reply", "respond", "describe", "claim", "allege", "assert",
    "insist", "admit", "warn", "predict", "argue", "suggest", "stress", "urge", "cite", "quote",
    "ask", "be", "have", "do", "get", "make", "take", "give", "go", "come", "become", "seem",
    "appear",
})
# fmt: on

# --- quantities --------------------------------------------------------------------------------

#: Tokens either side of a number read as its context: the thing counted and what is said of
#: it ("the 1,200km pipeline would open in March"). Four missed the verb after "is due to".
QUANTITY_CONTEXT_TOKENS = 6

#: Context words two numbers must share to be about the same thing. One shared word
#: ("people") matches unrelated counts; two ("front line", "drone strikes") did not in the
#: fixtures and seed coverage.
QUANTITY_SHARED_CONTEXT = 2

#: Relative difference below which two values are the same figure (rounding, conversions).
QUANTITY_TOLERANCE = 0.02

#: Relative difference two values must exceed to contradict when either is approximate
#: ("about 60", "more than 50"): an estimate half again as large is another figure.
QUANTITY_APPROX_TOLERANCE = 0.5

#: Words before a number that make it approximate.
# fmt: off
APPROXIMATORS = frozenset({
    "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over", "more",
    "than", "less", "fewer", "up", "under", "least", "estimated", "upwards",
})
# fmt: on

CONTEXT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


# --- documents ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Doc:
    analysed: Analysed
    outlet: str  # as shown to the reader
    outlet_key: str  # as counted

    @property
    def text(self) -> str:
        return self.analysed.doc.text


def _outlet(a: Analysed) -> tuple[str, str]:
    """(name shown, key counted): the outlet, else the web host, else the file it came from."""
    art = a.article
    if art.outlet:
        return art.outlet, fold(art.outlet)
    if art.url:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", art.url).split("/")[0]
        return host, fold(host)
    if art.origin and art.origin != "-":
        name = re.split(r"[\\/]", art.origin.rstrip("/\\"))[-1]
        return name, f"{name} ({art.doc_id})"
    return f"document {art.doc_id}", art.doc_id


def _shingles(text: str) -> set[tuple[str, ...]]:
    ws = words(text)
    n = REUSE_SHINGLE_WORDS
    return {tuple(ws[i : i + n]) for i in range(max(len(ws) - n + 1, 0))}


def text_reuse(a: str, b: str) -> float:
    """Share of ``a``'s word shingles that are also in ``b`` (0 when ``a`` is too short)."""
    sa = _shingles(a)
    return len(sa & _shingles(b)) / len(sa) if sa else 0.0


def _content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def reported_text(a: Analysed) -> str:
    """The article body with its marked quotations blanked: what reuse is measured on.

    Independent reports quote the same speakers word for word; a copy also repeats the
    reporting around the quotations.
    """
    text = a.article.body
    for q in a.ledger.quotations:
        if q.marked:
            text = text[: q.span.start] + " " * len(q.span) + text[q.span.end :]
    return text


def independent_coverage(article: Analysed, coverage: Sequence[Analysed]) -> list[Analysed]:
    """Coverage documents that are not the article's own copies (see `COPY_REUSE_MAX`)."""
    own = _content_hash(article.article.body)
    mine = reported_text(article)
    out = []
    for c in coverage:
        if c.article.doc_id == article.article.doc_id or _content_hash(c.article.body) == own:
            continue
        theirs = reported_text(c)
        if max(text_reuse(mine, theirs), text_reuse(theirs, mine)) > COPY_REUSE_MAX:
            continue
        out.append(c)
    return out


def _evidence(d: _Doc, span: Span, note: str) -> Evidence:
    """The sentence(s) of ``d`` holding ``span``, as evidence."""
    doc = d.analysed.doc
    first, last = doc.sentence_at(span.start), doc.sentence_at(max(span.end - 1, span.start))
    where = Span(
        first.start if first is not None else span.start,
        max(last.end if last is not None else span.end, span.end),
    )
    art = d.analysed.article
    return Evidence(
        doc_id=art.doc_id,
        span=where,
        text=where.of(d.text),
        outlet=d.outlet,
        url=art.url,
        note=note,
    )


@dataclass(slots=True)
class _Tally:
    """Evidence for and against one claim, keyed by outlet."""

    support: list[tuple[str, Evidence]] = field(default_factory=list)
    contra: list[tuple[str, Evidence]] = field(default_factory=list)
    suggestion: str | None = None  # what the contradicting outlets say instead, where one thing

    def add(self, d: _Doc, ev: Evidence, *, contradicts: bool) -> None:
        bucket = self.contra if contradicts else self.support
        if any(e.doc_id == ev.doc_id and e.span == ev.span for _, e in bucket):
            return
        bucket.append((d.outlet_key, ev))

    def outlets(self, contradicts: bool) -> list[str]:
        bucket = self.contra if contradicts else self.support
        seen: dict[str, str] = {}
        for key, ev in bucket:
            seen.setdefault(key, ev.outlet or ev.doc_id)
        return list(seen.values())


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class _Judged:
    verdict: ClaimVerdict
    suggestion: str | None


def _verdict(claim: str, kind: str, span: Span, tally: _Tally, unmentioned: str) -> _Judged:
    pro, con = tally.outlets(False), tally.outlets(True)
    if len(con) >= MIN_CONTRADICTING_OUTLETS and len(con) >= len(pro):
        verdict = Verdict.CONTRADICTED
        evidence = tuple(e for _, e in tally.contra)
    elif pro:
        verdict = Verdict.CORROBORATED
        evidence = tuple(e for _, e in tally.support)
    else:
        return _Judged(ClaimVerdict(claim, kind, span, Verdict.UNVERIFIED, (), unmentioned), None)
    parts = []
    if con:
        parts.append(f"contradicted by {_join(con)}")
    if pro:
        parts.append(f"corroborated by {_join(pro)}")
    reason = "; ".join(parts)
    reason = reason[0].upper() + reason[1:] + "."
    suggestion = tally.suggestion if verdict is Verdict.CONTRADICTED else None
    return _Judged(ClaimVerdict(claim, kind, span, verdict, evidence, reason), suggestion)


# --- roles ---------------------------------------------------------------------------------------


def _role_text(name: str, role: Role) -> str:
    title = ("former " if role.former else "") + role.title
    return f"{name} is {title}" + (f" for {role.side}" if role.side else "")


def _role_span(a: Analysed, person: Person, role: Role) -> Span:
    """The role with the nearest mention of its holder in the same sentence."""
    sent = a.doc.sentence_at(role.span.start)
    if sent is None:
        return role.span
    near = [m for m in person.mentions if sent.span.contains(m)]
    if not near:
        return role.span
    m = min(near, key=lambda m: abs(m.start - role.span.start))
    return Span(min(m.start, role.span.start), max(m.end, role.span.end))


def _judge_role(person: Person, role: Role, coverage: Sequence[_Doc], tally: _Tally) -> None:
    one_holder = office(role.title).one_holder
    for d in coverage:
        for q in d.analysed.ledger.people:
            same = same_person(person.name, q.name)
            for r in q.roles:
                if r.former != role.former:
                    continue
                note = _role_text(q.name, r)
                if same and compatible_office(role.title, r.title):
                    if role.side is None or (
                        r.side is not None
                        and recorded_side_key(r.side) == recorded_side_key(role.side)
                    ):
                        tally.add(d, _evidence(d, r.span, note), contradicts=False)
                    elif (
                        r.side is not None
                        and same_office(role.title, r.title)
                        and sides_exclusive(role.side, r.side)
                    ):
                        tally.add(d, _evidence(d, r.span, note), contradicts=True)
                        tally.suggestion = tally.suggestion or _role_text(person.name, r)
                elif (
                    not same
                    and one_holder
                    and not role.former
                    and role.side is not None
                    and r.side is not None
                    and recorded_side_key(r.side) == recorded_side_key(role.side)
                    and same_office(role.title, r.title)
                ):
                    tally.add(d, _evidence(d, r.span, note), contradicts=True)


def _role_verdicts(article: Analysed, coverage: Sequence[_Doc]) -> list[_Judged]:
    out = []
    for person in article.ledger.people:
        for role in person.roles:
            tally = _Tally()
            _judge_role(person, role, coverage, tally)
            out.append(
                _verdict(
                    _role_text(person.name, role),
                    "role",
                    _role_span(article, person, role),
                    tally,
                    f"No other outlet gives {person.name} this role or names its holder.",
                )
            )
    return out


# --- frames --------------------------------------------------------------------------------------


def _frame_args(a: Analysed, c: Claim) -> tuple[Argument, Argument] | None:
    if c.subject is None or c.object is None:
        return None
    people = a.ledger.people
    return (
        argument(a.doc, people, c.subject, c.subject_span, c.subject_side),
        argument(a.doc, people, c.object, c.object_span, c.object_side),
    )


def _restates_role(a: Analysed, c: Claim) -> bool:
    """True when the frame's subject is given a role inside the frame's span."""
    if c.subject is None:
        return False
    person = a.ledger.person(c.subject) or find_person(a.ledger.people, c.subject)
    return person is not None and any(r.span.overlaps(c.span) for r in person.roles)


#: Entity labels of objects that say when, not whom: "announced on Wednesday".
TIME_LABELS = frozenset({"DATE", "TIME"})


def _names_a_time(a: Analysed, span: Span | None) -> bool:
    return span is not None and any(
        e.label in TIME_LABELS and e.span.overlaps(span) for e in a.doc.entities
    )


def _predicate_key(c: Claim) -> tuple[str, ...]:
    """The predicate with the verbs controlling it: "refused to drop" is ("refuse", "drop")."""
    return (*(fold(v) for v in c.control), fold(c.predicate))


def _frame_text(a: Analysed, c: Claim) -> str:
    """The frame in the document's own words: the clause it was read from."""
    return " ".join(c.span.of(a.doc.text).split())


def _frame_verdicts(article: Analysed, coverage: Sequence[_Doc]) -> list[_Judged]:
    by_predicate: dict[tuple[str, ...], list[tuple[_Doc, Claim, Argument, Argument]]] = {}
    for d in coverage:
        for k in d.analysed.ledger.claims:
            kargs = _frame_args(d.analysed, k)
            if kargs is not None:
                by_predicate.setdefault(_predicate_key(k), []).append((d, k, *kargs))
    out = []
    for c in article.ledger.claims:
        pred = _predicate_key(c)
        if pred[-1].split()[0] in UNCHECKED_PREDICATES or _restates_role(article, c):
            continue
        if _names_a_time(article, c.object_span):
            continue
        args = _frame_args(article, c)
        if args is None or not (args[0].resolved and args[1].resolved):
            continue
        subj, obj = args
        if same_argument(subj, obj):
            continue
        tally = _Tally()
        for d, k, ks, ko in by_predicate.get(pred, ()):
            said = _frame_text(d.analysed, k)
            if same_argument(subj, ks) and same_argument(obj, ko):
                if k.negated == c.negated:
                    tally.add(d, _evidence(d, k.span, said), contradicts=False)
                else:
                    note = f"{said} (negation differs)"
                    tally.add(d, _evidence(d, k.span, note), contradicts=True)
            elif same_argument(subj, ko) and same_argument(obj, ks) and k.negated == c.negated:
                note = f"{said} (who did what to whom is reversed)"
                tally.add(d, _evidence(d, k.span, note), contradicts=True)
        out.append(
            _verdict(
                _frame_text(article, c),
                "frame",
                c.span,
                tally,
                "No other outlet reports who did this to whom.",
            )
        )
    return out


# --- quotations ----------------------------------------------------------------------------------


def _speaker_person(a: Analysed, speaker: str | None) -> str | None:
    """The ledger person a speaker names, or None for a pronoun, a phrase or no speaker."""
    if speaker is None or fold(speaker) in UNRESOLVED:
        return None
    p = find_person(a.ledger.people, speaker)
    return p.name if p is not None else None


def _named_speaker_before(a: Analysed, sentence: int) -> str | None:
    """The nearest speaker named in a quotation or attribution within the lookback."""
    best: tuple[int, str] | None = None
    led = a.ledger
    frames = [(q.sentence, q.speaker) for q in led.quotations] + [
        (t.sentence, t.speaker) for t in led.attributions
    ]
    for sent, speaker in frames:
        if not (sentence - SPEAKER_LOOKBACK_SENTENCES <= sent <= sentence):
            continue
        name = _speaker_person(a, speaker)
        if name is not None and (best is None or sent > best[0]):
            best = (sent, name)
    return best[1] if best is not None else None


def _speaker_at(a: Analysed, sentence: int, quote: Quotation | None) -> str | None:
    """Who the document gives the words in ``sentence`` to, as a person's name, if it says."""
    if quote is not None:
        named = _speaker_person(a, quote.speaker)
        if named is not None:
            return named
    for t in a.ledger.attributions:
        if t.sentence == sentence:
            named = _speaker_person(a, t.speaker)
            if named is not None:
                return named
    return _named_speaker_before(a, sentence)


def _mentions_near(a: Analysed, name: str, sentence: int) -> bool:
    """True when ``name`` is mentioned in ``sentence`` or the lookback before it."""
    p = find_person(a.ledger.people, name)
    if p is None:
        return False
    doc = a.doc
    for m in p.mentions:
        s = doc.sentence_at(m.start)
        if s is not None and sentence - SPEAKER_LOOKBACK_SENTENCES <= s.index <= sentence:
            return True
    return False


def _found(quote: str, n_words: int, candidate: str, *, quoted: bool) -> bool:
    """True when ``quote`` (of ``n_words`` words) is found in ``candidate``.

    A candidate shorter than the quote counts only when it is itself a quotation long enough
    to be part of the same words (`QUOTE_FRAGMENT_MIN_WORDS`, `QUOTE_FRAGMENT_MIN_SHARE`).
    """
    n = len(quote_key(candidate).split())
    if n < n_words and not (
        quoted and n >= max(QUOTE_FRAGMENT_MIN_WORDS, QUOTE_FRAGMENT_MIN_SHARE * n_words)
    ):
        return False
    return quote_similarity(quote, candidate) >= QUOTE_MIN_SIMILARITY


def _judge_quotation(q: Quotation, speaker: str | None, d: _Doc, tally: _Tally) -> None:
    a = d.analysed
    n_words = len(quote_key(q.text).split())
    found: list[tuple[Span, int, Quotation | None]] = [
        (k.span, k.sentence, k)
        for k in a.ledger.quotations
        if _found(q.text, n_words, k.text, quoted=True)
    ]
    quoted_in = {sent for _, sent, _ in found}
    for sent in a.doc.sentences:
        if sent.index not in quoted_in and _found(q.text, n_words, sent.text, quoted=False):
            found.append((sent.span, sent.index, None))
    for span, sent_index, theirs in found:
        if speaker is None:
            tally.add(d, _evidence(d, span, "the same words"), contradicts=False)
            continue
        given_to = _speaker_at(a, sent_index, theirs)
        if given_to is not None and same_person(speaker, given_to):
            note = f"the same words from {given_to}"
            tally.add(d, _evidence(d, span, note), contradicts=False)
        elif given_to is None and _mentions_near(a, speaker, sent_index):
            note = f"the same words near {speaker}"
            tally.add(d, _evidence(d, span, note), contradicts=False)
        elif given_to is not None and n_words >= QUOTE_CONTRADICTION_MIN_WORDS:
            note = f"the same words given to {given_to}"
            tally.add(d, _evidence(d, span, note), contradicts=True)
            tally.suggestion = tally.suggestion or f"Attribute the words to {given_to}"


def _quotation_verdicts(article: Analysed, coverage: Sequence[_Doc]) -> list[_Judged]:
    out = []
    for q in article.ledger.quotations:
        if len(quote_key(q.text).split()) < QUOTE_MIN_WORDS:
            continue
        speaker = _speaker_person(article, q.speaker)
        if speaker is None and q.speaker is not None and fold(q.speaker) in UNRESOLVED:
            speaker = _named_speaker_before(article, q.sentence - 1)
        tally = _Tally()
        for d in coverage:
            _judge_quotation(q, speaker, d, tally)
        who = speaker or q.speaker or "an unnamed speaker"
        out.append(
            _verdict(
                f"{who}: “{q.text}”",
                "quotation",
                q.span,
                tally,
                "No other outlet carries these words.",
            )
        )
    return out


# --- quantities ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Figure:
    quantity: Quantity
    context: frozenset[str]
    approximate: bool
    phrase: Span  # the number with what it counts: "1,000km (620-mile) front line"


def _figure(a: Analysed, q: Quantity) -> _Figure:
    toks = [t for t in a.doc.sentence_tokens(q.sentence) if not t.is_space]
    inside = [i for i, t in enumerate(toks) if t.span.overlaps(q.span)]
    if not inside:
        return _Figure(q, frozenset(), False, q.span)
    lo, hi = inside[0], inside[-1]
    window = toks[max(lo - QUANTITY_CONTEXT_TOKENS, 0) : hi + 1 + QUANTITY_CONTEXT_TOKENS]
    context = frozenset(
        w
        for t in window
        if t.pos in CONTEXT_POS and not t.like_num and not t.span.overlaps(q.span)
        for w in words(t.lemma)
        if w not in UNRESOLVED and w not in APPROXIMATORS and len(w) > 1
    )
    before = [t for t in toks[max(lo - 2, 0) : lo] if t.text.lower() in APPROXIMATORS]
    start = before[0].start if before else q.span.start
    nouns = []
    for t in toks[hi + 1 : hi + 1 + QUANTITY_CONTEXT_TOKENS]:
        if t.text in "([":
            break
        if t.pos == "NOUN":
            nouns.append(t)
    end = max(nouns[0].end, q.span.end) if nouns else q.span.end
    return _Figure(q, context, bool(before), Span(min(start, q.span.start), end))


def _value(q: Quantity) -> float:
    return q.si_value if q.si_value is not None else q.value


def _differs(a: _Figure, b: _Figure) -> bool | None:
    """True when the values are different figures, False when the same, None when unclear."""
    va, vb = _value(a.quantity), _value(b.quantity)
    scale = max(abs(va), abs(vb))
    if scale == 0:
        return False
    rel = abs(va - vb) / scale
    if rel <= QUANTITY_TOLERANCE:
        return False
    if a.approximate or b.approximate:
        return True if rel > QUANTITY_APPROX_TOLERANCE else None
    return True


def _quantity_verdicts(article: Analysed, coverage: Sequence[_Doc]) -> list[_Judged]:
    out = []
    theirs = [(d, _figure(d.analysed, q)) for d in coverage for q in d.analysed.ledger.quantities]
    for q in article.ledger.quantities:
        if q.dimension is None:
            continue
        mine = _figure(article, q)
        tally = _Tally()
        for d, f in theirs:
            if f.quantity.dimension != q.dimension:
                continue
            if len(mine.context & f.context) < QUANTITY_SHARED_CONTEXT:
                continue
            differs = _differs(mine, f)
            if differs is None:
                continue
            note = f.phrase.of(d.text)
            tally.add(d, _evidence(d, f.quantity.span, note), contradicts=differs)
        out.append(
            _verdict(
                mine.phrase.of(article.doc.text),
                "quantity",
                q.span,
                tally,
                "No other outlet gives a figure for this.",
            )
        )
    return out


# --- the verdicts and findings -------------------------------------------------------------------


def _finding(judged: _Judged) -> Finding:
    v = judged.verdict
    outlets: dict[str, None] = {}
    notes: dict[str, None] = {}
    for e in v.evidence:
        outlets.setdefault(e.outlet or e.doc_id, None)
        if e.note:
            notes.setdefault(e.note, None)
    said = "; ".join(list(notes)[:2])
    verb = "reports" if len(outlets) == 1 else "report"
    message = f"{_join(list(outlets))} {verb} otherwise" + (f": {said}." if said else ".")
    return Finding(
        kind=CONTRADICTED_KIND,
        severity=severity_of(CONTRADICTED_KIND),
        message=message,
        span=v.span,
        evidence=v.evidence,
        suggestion=judged.suggestion,
        confidence=min(1.0, 0.5 + 0.25 * len(outlets)),
    )


def corroborate(article: Analysed, coverage: Sequence[Analysed]) -> Corroboration:
    """Judge each checkable claim of ``article`` against the other outlets in ``coverage``."""
    docs = [_Doc(c, *_outlet(c)) for c in independent_coverage(article, coverage)]
    judged = [
        *_role_verdicts(article, docs),
        *_frame_verdicts(article, docs),
        *_quotation_verdicts(article, docs),
        *_quantity_verdicts(article, docs),
    ]
    judged.sort(key=lambda j: (j.verdict.span.start, j.verdict.span.end, j.verdict.kind))
    findings = tuple(_finding(j) for j in judged if j.verdict.verdict is Verdict.CONTRADICTED)
    return Corroboration(tuple(j.verdict for j in judged), len(docs), findings)


def corroborate_from_store(
    store: Store, article: Analysed, limit: int = RELATED_LIMIT, parsed: Sequence[Analysed] = ()
) -> Corroboration:
    """`corroborate` against the documents of ``store`` most related to ``article``. Stored
    documents already analysed by the caller (the source it redlined against) are passed in
    ``parsed`` and reused (same doc id and text) rather than parsed again."""
    from copydesk.corpus.retrieve import related_documents

    related = related_documents(store, article, limit)
    known = {(a.article.doc_id, a.article.text): a for a in parsed}
    fresh = iter(analyse_many(d for d in related if (d.doc_id, d.text) not in known))
    return corroborate(article, [known.get((d.doc_id, d.text)) or next(fresh) for d in related])
