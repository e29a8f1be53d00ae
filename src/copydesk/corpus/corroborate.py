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

Quotations (``kind="quotation"``): the article's quoted words are compared word by word
with every quotation and sentence of another document (`claims_match.compare_wording`). The
same words given to the same speaker corroborate it; the same words given to a different named
person contradict it (only for quotations of `claims_match.QUOTE_CONTRADICTION_MIN_WORDS`
words or more). The same speaker's quotation with other words ("expects" for "wants") is a
misquote, reported as ``corroboration.misquoted`` with each outlet's wording and the words
that differ, when no independent report carries the article's words. A pronoun speaker ("he
added") is the nearest named speaker within `SPEAKER_LOOKBACK_SENTENCES` before.

Quantities (``kind="quantity"``): a number with a unit dimension, compared in SI units ("620
miles" is "1,000 km"). Another document's number of the same dimension, with at least
`QUANTITY_SHARED_CONTEXT` content words in common around it (or the same measure in the same
unit, in sentences sharing `QUANTITY_SAME_FIGURE_CONTEXT` words), corroborates it when the
values agree and contradicts it when they differ (beyond `QUANTITY_APPROX_TOLERANCE` when
either is hedged with "about", "more than" ...).

Roles are compared only with coverage of the same period (`ROLE_PERIOD_DAYS`), and a former
holder of an office is never a contradiction of its current holder.

Only independent reports count (`copydesk.corpus.families.group_coverage`): the article's
source, its copies and other versions, and the article's own wire are left out, and the rest
is grouped into families (one wire, or copies of one text) that count once each. A claim is
CONTRADICTED when at least `MIN_CONTRADICTING_OUTLETS` families contradict it and no more
corroborate than contradict it; CORROBORATED when some family corroborates it and it is not
contradicted; UNVERIFIED otherwise. The verdict says how many families agree and disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from copydesk.analysis import Analysed, analyse_many
from copydesk.corpus.claims_match import (
    QUOTE_CONTRADICTION_MIN_WORDS,
    QUOTE_MIN_WORDS,
    UNRESOLVED,
    Argument,
    Wording,
    argument,
    compare_wording,
    compatible_office,
    find_person,
    fold,
    office,
    quote_key,
    same_argument,
    same_office,
    same_person,
    sides_exclusive,
    word_spans,
    words,
)
from copydesk.corpus.families import (
    ARTICLE_COPY,
    ORIGINAL,
    ORIGINAL_COPY,
    RELATED,
    Coverage,
    group_coverage,
    outlet_name,
    parse_day,
)
from copydesk.corpus.model import (
    ClaimVerdict,
    Corroboration,
    CoverageFamily,
    Family,
    LeftOut,
    Verdict,
)
from copydesk.corpus.reuse import are_copies, shingles
from copydesk.kinds import severity_of
from copydesk.ledger.model import Claim, Person, Quantity, Quotation, Role
from copydesk.lexicon.classes import MONTHS, RELATIVE_DAYS, TIME_UNITS, WEEKDAYS
from copydesk.lexicon.places import recorded_side_key, side_of
from copydesk.lexicon.titles import SPEAKING_FOR_TITLES
from copydesk.model import Evidence, Finding, Span
from copydesk.nlp.annotate import Token
from copydesk.read.article import Article

if TYPE_CHECKING:
    from copydesk.corpus.store import Store

CONTRADICTED_KIND = "corroboration.contradicted"
MISQUOTED_KIND = "corroboration.misquoted"

# --- verdicts ----------------------------------------------------------------------------------

#: Outlets that must contradict a claim before it is reported as contradicted. One outlet
#: with a clear contrary statement is what a copy desk wants to see; the verdict then lists
#: how many outlets say what.
MIN_CONTRADICTING_OUTLETS = 1

#: Days apart beyond which a report speaks of another period, so its offices and roles are
#: not compared with the article's: about a quarter. Offices turn over at elections,
#: reshuffles and new rounds of talks, rarely within weeks, and a report of last year's
#: holder of an office is no contradiction of this year's.
ROLE_PERIOD_DAYS = 90

#: Coverage documents fetched from a store for one article. The other outlets' reports of one
#: event that a search ranks first are the ones that name its people and figures; beyond 20
#: they are mostly other events, and parsing them costs about 0.1 s each.
RELATED_LIMIT = 20

#: Related documents fetched per text judged: copies of one wire story take several of the
#: search's first places, and are judged once.
RELATED_FETCHED_FACTOR = 2

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

#: When both give the same measure in the same unit and the same way ("in more than seven
#: weeks" in two reports), the figure itself is most of the evidence, and this many content
#: words shared anywhere in the two sentences are enough ("first", "pressure", "US" in
#: "the first meeting ... in more than seven weeks" and "their first peace talks in more
#: than seven weeks"). Counts without a unit ("two sides") keep `QUANTITY_SHARED_CONTEXT`.
QUANTITY_SAME_FIGURE_CONTEXT = 2

#: Words that place a figure in time rather than say what it counts ("last week gave Russia
#: 50 days"): not context, or any two durations in reports of one week would match.
TIME_CONTEXT = TIME_UNITS | MONTHS | WEEKDAYS | RELATIVE_DAYS | {"last", "next", "past"}

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

#: Ordinal words: spaCy reads them as numbers, but they say which one, not how many.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "final"})


# --- documents ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Doc:
    analysed: Analysed
    outlet: str  # as shown to the reader
    family: int  # the independent family it belongs to (`families.group_coverage`)
    family_label: str  # that family's name: its wire, else its first outlet

    @property
    def text(self) -> str:
        return self.analysed.doc.text


def reported_text(a: Analysed) -> str:
    """The article body with its marked quotations blanked: what copying is measured on.

    Independent reports quote the same speakers word for word; a copy also repeats the
    reporting around the quotations.
    """
    text = a.article.body
    for q in a.ledger.quotations:
        if q.marked:
            text = text[: q.span.start] + " " * len(q.span) + text[q.span.end :]
    return text


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
    """Evidence for and against one claim, by independent family."""

    support: list[tuple[_Doc, Evidence]] = field(default_factory=list)
    contra: list[tuple[_Doc, Evidence]] = field(default_factory=list)
    suggestion: str | None = None  # what the contradicting outlets say instead, where one thing
    misquoted: bool = False  # the contradicting evidence quotes the words differently

    def add(self, d: _Doc, ev: Evidence, *, contradicts: bool) -> None:
        bucket = self.contra if contradicts else self.support
        if any(e.doc_id == ev.doc_id and e.span == ev.span for _, e in bucket):
            return
        bucket.append((d, ev))

    def families(self, contradicts: bool) -> list[str]:
        """Each family with evidence on this side, named with its outlets: "AFP (theSun
        and The Times of India)", "The Kyiv Independent"."""
        bucket = self.contra if contradicts else self.support
        outlets: dict[tuple[int, str], dict[str, None]] = {}
        for d, _ in bucket:
            outlets.setdefault((d.family, d.family_label), {})[d.outlet] = None
        return [
            label if list(names) == [label] else f"{label} ({_join(list(names))})"
            for (_, label), names in outlets.items()
        ]


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _reports(n: int) -> str:
    return f"{n} independent {'report' if n == 1 else 'reports'}"


@dataclass(frozen=True, slots=True)
class _Judged:
    verdict: ClaimVerdict
    suggestion: str | None
    misquoted: bool = False
    span: Span | None = None  # where the finding points, when not the whole claim


def _verdict(claim: str, kind: str, span: Span, tally: _Tally, unmentioned: str) -> _Judged:
    pro, con = tally.families(False), tally.families(True)
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
        said = "quoted otherwise" if tally.misquoted else "contradicted"
        parts.append(f"{said} by {_reports(len(con))}: {_join(con)}")
    if pro:
        parts.append(f"corroborated by {_reports(len(pro))}: {_join(pro)}")
    reason = "; ".join(parts)
    reason = reason[0].upper() + reason[1:] + "."
    contradicted = verdict is Verdict.CONTRADICTED
    suggestion = tally.suggestion if contradicted else None
    judged = ClaimVerdict(claim, kind, span, verdict, evidence, reason, len(pro), len(con))
    return _Judged(judged, suggestion, contradicted and tally.misquoted)


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


def _same_period(day: date | None, coverage: Sequence[_Doc]) -> list[_Doc]:
    """The coverage dated within `ROLE_PERIOD_DAYS` of ``day`` (undated coverage, or an
    undated article, cannot be told apart and is kept)."""
    if day is None:
        return list(coverage)
    out = []
    for d in coverage:
        theirs = parse_day(d.analysed.article.published)
        if theirs is None or abs((theirs - day).days) <= ROLE_PERIOD_DAYS:
            out.append(d)
    return out


def _role_verdicts(
    article: Analysed, coverage: Sequence[_Doc], day: date | None = None
) -> list[_Judged]:
    coverage = _same_period(day, coverage)
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


@dataclass(frozen=True, slots=True)
class _Quoted:
    """Where a document carries a quotation: the same words, or the same quotation changed."""

    wording: Wording
    sentence: int
    quotation: Quotation | None  # the document's own quotation, when it marks the words


def _carried(ours: list[tuple[str, Span]], a: Analysed) -> list[_Quoted]:
    """Every passage of ``a`` that carries the quotation ``ours``: its quotations compared as
    whole quotations, then its other sentences as plain text.

    A quotation of the document shorter than ours counts as the same words when all of it is
    in ours and it is long enough to be a part of them (`QUOTE_FRAGMENT_MIN_WORDS`,
    `QUOTE_FRAGMENT_MIN_SHARE`): outlets often quote one sentence of a longer quotation.
    """
    text = a.doc.text
    found: list[_Quoted] = []
    for k in a.ledger.quotations:
        theirs = word_spans(k.span.of(text), k.span.start)
        w = compare_wording(ours, theirs, whole=True)
        if w is None and QUOTE_FRAGMENT_MIN_WORDS <= len(theirs) < len(ours):
            part = compare_wording(theirs, ours, whole=False)
            if (
                part is not None
                and part.same
                and len(theirs) >= QUOTE_FRAGMENT_MIN_SHARE * len(ours)
            ):
                w = Wording(True, (), (), (), k.span)
        if w is not None:
            found.append(_Quoted(w, k.sentence, k))
    quoted_in = {f.sentence for f in found}
    for sent in a.doc.sentences:
        if sent.index in quoted_in:
            continue
        w = compare_wording(ours, word_spans(sent.text, sent.start), whole=False)
        if w is not None:
            found.append(_Quoted(w, sent.index, None))
    return found


def _speaks_for(a: Analysed, name: str, body: str) -> bool:
    """True when the document gives ``name`` a spokesperson's title for ``body``'s side."""
    person = find_person(a.ledger.people, name)
    return person is not None and any(
        r.side is not None
        and recorded_side_key(r.side) == recorded_side_key(body)
        and any(t in r.title for t in SPEAKING_FOR_TITLES)
        for r in person.roles
    )


def _judge_quotation(
    q: Quotation,
    speaker: str | None,
    d: _Doc,
    tally: _Tally,
    variants: list[_Variant],
    body: str | None = None,
) -> None:
    """``speaker``: the person the article gives the words to; ``body``: the side of the
    government or institution it gives them to instead ("the Kremlin" is Russia's)."""
    a = d.analysed
    ours = word_spans(q.text, q.span.start)
    n_words = len(ours)
    for f in _carried(ours, a):
        span = f.wording.passage
        given_to = _speaker_at(a, f.sentence, f.quotation)
        if speaker is None:
            same_speaker = (
                body is not None and given_to is not None and _speaks_for(a, given_to, body)
            )
        elif given_to is not None:
            same_speaker = same_person(speaker, given_to)
        else:
            same_speaker = _mentions_near(a, speaker, f.sentence)
        if not f.wording.same:
            if same_speaker:
                variants.append(_Variant(d, f.wording, given_to or speaker or ""))
            continue
        if speaker is None:
            tally.add(d, _evidence(d, span, "the same words"), contradicts=False)
        elif same_speaker:
            note = f"the same words from {given_to or speaker}"
            tally.add(d, _evidence(d, span, note), contradicts=False)
        elif given_to is not None and n_words >= QUOTE_CONTRADICTION_MIN_WORDS:
            note = f"the same words given to {given_to}"
            tally.add(d, _evidence(d, span, note), contradicts=True)
            tally.suggestion = tally.suggestion or f"Attribute the words to {given_to}"


@dataclass(frozen=True, slots=True)
class _Variant:
    """Another outlet's wording of the same speaker's quotation."""

    doc: _Doc
    wording: Wording
    speaker: str


def _misquote_evidence(v: _Variant) -> Evidence:
    d, w = v.doc, v.wording
    said = " ".join(w.passage.of(d.text).split())
    changes = "; ".join(
        f"'{theirs}' where the article has '{mine}'"
        if mine and theirs
        else f"'{theirs}', which the article leaves out"
        if theirs
        else f"no '{mine}'"
        for mine, theirs in w.changes
    )
    ev = _evidence(d, w.passage, f"“{said}”: {changes}")
    return replace(ev, marks=w.theirs)


def _closest_per_document(variants: list[_Variant]) -> list[_Variant]:
    """Each document's wording closest to the article's: the one with fewest words changed."""
    best: dict[str, _Variant] = {}
    for v in variants:
        key = v.doc.analysed.article.doc_id
        changed = sum(len(theirs.split()) for _, theirs in v.wording.changes)
        kept = best.get(key)
        if kept is None or changed < sum(len(t.split()) for _, t in kept.wording.changes):
            best[key] = v
    return list(best.values())


def _named_speaker_near(a: Analysed, sentence: int) -> str | None:
    """The speaker named nearest a quotation given to no one: in the lookback before it, else
    in the sentence after ("No “breakthroughs” were expected. Peskov said ...")."""
    return _named_speaker_before(a, sentence) or _named_speaker_before(a, sentence + 1)


def _quotation_verdicts(article: Analysed, coverage: Sequence[_Doc]) -> list[_Judged]:
    out = []
    for q in article.ledger.quotations:
        if len(quote_key(q.text).split()) < QUOTE_MIN_WORDS:
            continue
        speaker = _speaker_person(article, q.speaker)
        if speaker is None and q.speaker is not None and fold(q.speaker) in UNRESOLVED:
            speaker = _named_speaker_before(article, q.sentence - 1)
        body = side_of(q.speaker) if speaker is None and q.speaker else None
        tally = _Tally()
        variants: list[_Variant] = []
        for d in coverage:
            _judge_quotation(q, speaker, d, tally, variants, body)
        if not variants and speaker is None and q.speaker is None:
            near = _named_speaker_near(article, q.sentence)
            if near is not None:
                for d in coverage:
                    _judge_quotation(q, near, d, _Tally(), variants)
        span = None
        variants = _closest_per_document(variants)
        if variants and not tally.support and not tally.contra:
            # Nobody independent carries the article's words, and the same speaker's words
            # differ: a misquote, shown with each outlet's wording.
            for v in variants:
                tally.add(v.doc, _misquote_evidence(v), contradicts=True)
            tally.misquoted = True
            marks = [m for v in variants for m in v.wording.ours]
            if marks:
                span = Span(min(m.start for m in marks), max(m.end for m in marks))
        who = speaker or q.speaker or "an unnamed speaker"
        judged = _verdict(
            f"{who}: “{q.text}”",
            "quotation",
            q.span,
            tally,
            "No other outlet carries these words.",
        )
        out.append(replace(judged, span=span))
    return out


# --- quantities ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Figure:
    quantity: Quantity
    context: frozenset[str]  # content words within `QUANTITY_CONTEXT_TOKENS`
    approximate: bool
    phrase: Span  # the number with what it counts: "1,000km (620-mile) front line"
    sentence_context: frozenset[str] = frozenset()  # content words of its whole sentence


def _figure(a: Analysed, q: Quantity) -> _Figure:
    toks = [t for t in a.doc.sentence_tokens(q.sentence) if not t.is_space]
    inside = [i for i, t in enumerate(toks) if t.span.overlaps(q.span)]
    if not inside:
        return _Figure(q, frozenset(), False, q.span)
    lo, hi = inside[0], inside[-1]
    window = toks[max(lo - QUANTITY_CONTEXT_TOKENS, 0) : hi + 1 + QUANTITY_CONTEXT_TOKENS]
    context = _content(window, q)
    sentence_context = _content(toks, q)
    before = [t for t in toks[max(lo - 2, 0) : lo] if t.text.lower() in APPROXIMATORS]
    start = before[0].start if before else q.span.start
    nouns = []
    for t in toks[hi + 1 : hi + 1 + QUANTITY_CONTEXT_TOKENS]:
        if t.text in "([":
            break
        if t.pos == "NOUN":
            nouns.append(t)
    end = max(nouns[0].end, q.span.end) if nouns else q.span.end
    phrase = Span(min(start, q.span.start), end)
    return _Figure(q, context, bool(before), phrase, sentence_context)


def _content(toks: Sequence[Token], q: Quantity) -> frozenset[str]:
    """The content words of ``toks`` that may say what ``q`` counts (ordinals included:
    "the first talks in seven weeks")."""
    return frozenset(
        w
        for t in toks
        if t.pos in CONTEXT_POS
        and (not t.like_num or t.text.lower() in ORDINALS)
        and not t.span.overlaps(q.span)
        for w in words(t.lemma)
        if w not in UNRESOLVED and w not in APPROXIMATORS and w not in TIME_CONTEXT and len(w) > 1
    )


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


def _same_context(a: _Figure, b: _Figure) -> bool:
    """True when two figures are about the same thing, judged from the words around them."""
    qa, qb = a.quantity, b.quantity
    if (
        qa.unit is not None
        and qa.unit == qb.unit
        and qa.value == qb.value
        and a.approximate == b.approximate
    ):
        return len(a.sentence_context & b.sentence_context) >= QUANTITY_SAME_FIGURE_CONTEXT
    return len(a.context & b.context) >= QUANTITY_SHARED_CONTEXT


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
            if not _same_context(mine, f):
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
    notes: dict[str, str | None] = {}
    for e in v.evidence:
        outlets.setdefault(e.outlet or e.doc_id, None)
        if e.note:
            notes.setdefault(fold(e.note), e.note)
    said = "; ".join(n for n in list(notes.values())[:2] if n)
    families = f" ({_reports(v.disagree)})" if v.disagree != len(outlets) else ""
    if judged.misquoted:
        kind = MISQUOTED_KIND
        verb = "quotes" if len(outlets) == 1 else "quote"
        message = f"{_join(list(outlets))}{families} {verb} these words otherwise: {said}."
    else:
        kind = CONTRADICTED_KIND
        verb = "reports" if len(outlets) == 1 else "report"
        message = f"{_join(list(outlets))}{families} {verb} otherwise" + (
            f": {said}." if said else "."
        )
    return Finding(
        kind=kind,
        severity=severity_of(kind),
        message=message,
        span=judged.span or v.span,
        evidence=v.evidence,
        suggestion=judged.suggestion,
        confidence=min(1.0, 0.5 + 0.25 * v.disagree),
    )


def corroborate(
    article: Analysed,
    coverage: Sequence[Analysed],
    known: Mapping[str, str] | None = None,
    published: str | None = None,
) -> Corroboration:
    """Judge each checkable claim of ``article`` against the independent reports in
    ``coverage``. ``known`` gives, by doc id, why a coverage document is already known not to
    be independent (the article's source, a copy of it); the rest is judged from the text
    (`copydesk.corpus.families.group_coverage`). Roles are judged only against coverage of
    the same period as ``published`` (by default the article's own date)."""
    known = known or {}
    grouping = group_coverage(
        article.article,
        reported_text(article),
        [Coverage(c.article, reported_text(c)) for c in coverage],
        lambda doc: known.get(doc.doc_id),
    )
    left_out = [
        LeftOut(coverage[i].article.doc_id, outlet_name(coverage[i].article), reason)
        for i, reason in grouping.excluded
    ]
    docs = [
        _Doc(coverage[i], outlet_name(coverage[i].article), n, grouping.labels[n])
        for i, n in grouping.family_of.items()
    ]
    return _judge(article, docs, left_out, parse_day(published or article.article.published))


def _judge(
    article: Analysed, docs: Sequence[_Doc], left_out: Sequence[LeftOut], day: date | None
) -> Corroboration:
    judged = [
        *_role_verdicts(article, docs, day),
        *_frame_verdicts(article, docs),
        *_quotation_verdicts(article, docs),
        *_quantity_verdicts(article, docs),
    ]
    judged.sort(key=lambda j: (j.verdict.span.start, j.verdict.span.end, j.verdict.kind))
    findings = tuple(_finding(j) for j in judged if j.verdict.verdict is Verdict.CONTRADICTED)
    families: dict[int, list[_Doc]] = {}
    for d in docs:
        families.setdefault(d.family, []).append(d)
    return Corroboration(
        tuple(j.verdict for j in judged),
        len(docs),
        findings,
        tuple(
            CoverageFamily(
                ds[0].family_label,
                tuple(dict.fromkeys(d.outlet for d in ds)),
                tuple(d.analysed.article.doc_id for d in ds),
            )
            for _, ds in sorted(families.items())
        ),
        tuple(left_out),
    )


def corroborate_from_store(
    store: Store,
    article: Analysed,
    limit: int = RELATED_LIMIT,
    parsed: Sequence[Analysed] = (),
    family: Family | None = None,
) -> Corroboration:
    """`corroborate` against the documents of ``store`` most related to ``article``.

    Documents of the article's ``family`` (its source and copies, from
    `copydesk.corpus.find_source.provenance`) are left out before anything is parsed, and
    of several sites carrying one text only the first is parsed (the others are listed with
    its family): at most ``limit`` different texts are judged.
    Stored documents already analysed by the caller (the source it redlined against) are
    passed in ``parsed`` and reused (same doc id and text) rather than parsed again.
    """
    from copydesk.corpus.retrieve import related_documents

    relation = {c.doc_id: c.relation for c in family.copies} if family is not None else {}
    left_out: list[LeftOut] = []
    texts: list[tuple[Article, frozenset[tuple[str, ...]]]] = []
    carried: dict[str, list[Article]] = {}  # a text's document -> the other sites carrying it
    for d in related_documents(store, article, limit * RELATED_FETCHED_FACTOR):
        if d.doc_id in relation:
            reason = _FAMILY_REASONS.get(relation[d.doc_id], relation[d.doc_id])
            left_out.append(LeftOut(d.doc_id, outlet_name(d), reason))
            continue
        marks = shingles(d.body)
        first = next((t for t, sh in texts if are_copies(sh, marks)), None)
        if first is not None:
            carried[first.doc_id].append(d)
        elif len(texts) < limit:
            texts.append((d, marks))
            carried[d.doc_id] = []
    known = {(a.article.doc_id, a.article.text): a for a in parsed}
    fresh = iter(analyse_many(d for d, _ in texts if (d.doc_id, d.text) not in known))
    coverage = [known.get((d.doc_id, d.text)) or next(fresh) for d, _ in texts]
    result = corroborate(article, coverage, published=_dated(article, family))
    families = tuple(
        replace(
            f,
            outlets=tuple(
                dict.fromkeys(
                    [*f.outlets, *(outlet_name(c) for i in f.doc_ids for c in carried[i])]
                )
            ),
            doc_ids=(*f.doc_ids, *(c.doc_id for i in f.doc_ids for c in carried[i])),
        )
        for f in result.families
    )
    return replace(result, families=families, left_out=(*left_out, *result.left_out))


def _dated(article: Analysed, family: Family | None) -> str | None:
    """The article's date, else its original's: a spun copy is of its source's period."""
    if article.article.published or family is None or family.original is None:
        return article.article.published
    return next((c.published for c in family.copies if c.doc_id == family.original), None)


#: Why a member of the article's own family is not independent of it.
_FAMILY_REASONS = {
    ORIGINAL: "the article's source",
    ARTICLE_COPY: "a copy of the article",
    ORIGINAL_COPY: "a copy of the article's source",
    RELATED: "another version of the article's story",
}
