"""times: the events an article dates, each with the stretch of months its time expression
allows.

A time expression (a DATE entity of the parse) is read into months: "August 2026" is one
month, "the first half 2026" six, "the last quarter of next year" three months of the year
after the article's date. "by", "before" and "until" open the stretch backwards, "after" and
"since" forwards; "around" widens it by a month. An expression with no year, and a relative
one ("next quarter") in an article without a date, is left unread. Each expression is tied
to the event it dates: the verb it hangs on, or the event noun ("certification"), folded to
one verb through WordNet ("certification" -> "certify"). A forecast verb dates the event its
object names ("expects the certification in May" dates the certification), and an event is
a forecast when a forecast verb, "expected to" or a future auxiliary governs it: a forecast
and a report of what happened are two statements, which may differ without contradiction.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

from copydesk.lexicon.classes import LIGHT_VERBS, MONTH_NUMBER
from copydesk.lexicon.modality import (
    EARLIER_ADVERBS,
    FORECAST_VERBS,
    FUTURE_AUXILIARIES,
    HEDGE_MODALS,
)
from copydesk.lexicon.reporting import is_reporting_verb
from copydesk.lexicon.wordnet import wordnet
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Entity, Token

#: Parts of a year as (first month, last month).
PARTS = {
    "first half": (1, 6),
    "second half": (7, 12),
    "first quarter": (1, 3),
    "second quarter": (4, 6),
    "third quarter": (7, 9),
    "fourth quarter": (10, 12),
    "last quarter": (10, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (1, 2),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "end": (10, 12),
    "beginning": (1, 3),
    "start": (1, 3),
}

#: Verbs that only say an event happens: their subject is what is dated.
OCCURRENCE_VERBS = frozenset({"come", "happen", "occur", "follow", "arrive", "be", "take"})

#: Unbounded ends of a stretch of months.
OPEN = 10**6

#: Months an "around", "about" or "roughly" adds on each side.
APPROXIMATE_MONTHS = 1
APPROXIMATE_WORDS = frozenset({"around", "about", "roughly", "approximately"})


@dataclass(frozen=True, slots=True)
class Stretch:
    """Months counted as year * 12 + month - 1, both ends included."""

    first: int
    last: int

    def overlaps(self, other: Stretch) -> bool:
        return self.first <= other.last and other.first <= self.last

    def gap(self, other: Stretch) -> int:
        """Months between the two stretches (0 when they overlap)."""
        return max(other.first - self.last, self.first - other.last, 0)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    event: str  # the verb lemma of what is dated ("certify")
    span: Span  # the time expression, with its preposition
    text: str
    stretch: Stretch
    forecast: bool  # expected, planned or future, not reported as done
    superseded: bool  # stated as said before: "had previously told analysts he expected"


def published_on(text: str | None) -> date | None:
    """The article's date from its metadata string, when one can be read."""
    if not text:
        return None
    m = re.search(r"(19|20)\d\d-\d\d-\d\d", text)
    if m:
        try:
            return date.fromisoformat(m.group(0))
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def stretch_of(words: list[str], on: date | None) -> Stretch | None:
    """The months a time expression's words allow, or None when they name no year."""
    text = " ".join(words)
    year = None
    m = re.search(r"\b((?:19|20)\d\d)\b", text)
    if m:
        year = int(m.group(1))
    elif on is not None and re.search(r"\b(next|this|last|coming) year\b", text):
        offset = {"next": 1, "coming": 1, "this": 0, "last": -1}
        year = on.year + offset[re.search(r"\b(next|this|last|coming) year\b", text).group(1)]  # type: ignore[union-attr]
    elif on is not None and re.search(r"\b(next|this|coming) quarter\b", text):
        quarter = (on.month - 1) // 3 + (0 if "this" in text else 1)
        first = on.year * 12 + quarter * 3
        stretch = Stretch(first, first + 2)
        if re.search(r"\bend of\b", text):
            stretch = Stretch(stretch.last, stretch.last)
        return stretch
    if year is None:
        return None
    months = [MONTH_NUMBER[w] for w in words if w in MONTH_NUMBER]
    if months:
        return Stretch(year * 12 + min(months) - 1, year * 12 + max(months) - 1)
    for part, (a, b) in PARTS.items():
        if re.search(rf"\b{part}\b", text):
            return Stretch(year * 12 + a - 1, year * 12 + b - 1)
    return Stretch(year * 12, year * 12 + 11)


def _bounded(stretch: Stretch, preposition: str | None, approximate: bool) -> Stretch:
    if approximate:
        stretch = Stretch(stretch.first - APPROXIMATE_MONTHS, stretch.last + APPROXIMATE_MONTHS)
    if preposition in ("by", "before", "until", "till"):
        return Stretch(-OPEN, stretch.last)
    if preposition in ("after", "since", "from"):
        return Stretch(stretch.first, OPEN)
    return stretch


def _event(doc: Annotated, entity: Entity) -> tuple[str, Token | None, bool]:
    """The verb an expression dates, its preposition, and whether the event is forecast: up
    the heads from the expression to the first verb, or to an event noun WordNet derives
    from a verb."""
    tok = doc.tokens[entity.token_start]
    for t in doc.tokens[entity.token_start : entity.token_end]:
        if not (entity.token_start <= t.head < entity.token_end):
            tok = t
            break
    preposition = None
    for _ in range(6):
        head = doc.tokens[tok.head]
        if head.i == tok.i:
            break
        if head.pos == "ADP" and preposition is None:
            preposition = head
        elif head.pos == "VERB":
            carried = _carried(doc, head)
            forecast = carried is not None and head.lemma.lower() in FORECAST_VERBS
            return carried or head.lemma.lower(), preposition, forecast or _forecast(doc, head)
        elif head.pos == "NOUN":
            verb = _verb_of(head.lemma.lower())
            if verb:
                governor = doc.tokens[head.head]
                forecast = governor.pos == "VERB" and (
                    governor.lemma.lower() in FORECAST_VERBS or _forecast(doc, governor)
                )
                return verb, preposition, forecast
        tok = head
    return "", preposition, False


def _carried(doc: Annotated, verb: Token) -> str | None:
    """The event a verb of occurrence or of forecast carries: "certification would come in
    May" and "he expects the certification in May" date the certification."""
    lemma = verb.lemma.lower()
    if lemma in OCCURRENCE_VERBS:
        roles: tuple[str, ...] = ("nsubj", "nsubjpass")
    elif lemma in FORECAST_VERBS:
        roles = ("dobj",)
    else:
        return None
    for c in doc.children(verb.i):
        if c.dep in roles and c.pos == "NOUN":
            return _verb_of(c.lemma.lower())
    return None


def _forecast(doc: Annotated, verb: Token) -> bool:
    """Whether the verb states what is expected or will be ("will be certified", "is
    expected to be certified", "plans to fly"), not what was done."""
    for _ in range(3):
        if any(
            c.dep == "aux" and c.lemma.lower() in FUTURE_AUXILIARIES | HEDGE_MODALS
            for c in doc.children(verb.i)
        ):
            return True
        if verb.dep not in ("xcomp", "ccomp") or verb.head == verb.i:
            return False
        verb = doc.tokens[verb.head]
        if verb.lemma.lower() in FORECAST_VERBS:
            return True
    return False


def _verb_of(noun: str) -> str | None:
    """The verb WordNet derives an event noun from ("certification" -> "certify"); of several
    ("approval": "approve", "approbate"), the one that shares most of the noun's letters."""
    wn = wordnet()
    verbs: list[str] = []
    for sense in wn.senses(noun, "n")[:2]:
        if sense.synset.lexname not in ("noun.act", "noun.event", "noun.process"):
            continue
        for pos, offset, target in sense.synset.lexical(noun, "+"):
            if pos == "v":
                other = wn.synset(pos, offset)
                verbs.append(other.words[target - 1] if target else other.words[0])
    return max(verbs, key=lambda v: len(os.path.commonprefix([v, noun])), default=None)


def _superseded(doc: Annotated, tok: Token) -> bool:
    """Whether a clause above ``tok`` is dated before the news: a past perfect ("had told")
    or an adverb such as "previously"."""
    for _ in range(8):
        if tok.head == tok.i:
            return False
        tok = doc.tokens[tok.head]
        for c in doc.children(tok.i):
            if c.dep == "advmod" and c.lemma.lower() in EARLIER_ADVERBS:
                return True
            if c.dep == "aux" and c.text.lower() == "had" and tok.tag == "VBN":
                return True
    return False


def dated_events(doc: Annotated) -> list[DatedEvent]:
    on = published_on(doc.article.published)
    out = []
    for entity in doc.entities:
        if entity.label != "DATE":
            continue
        words = [t.text.lower() for t in doc.tokens[entity.token_start : entity.token_end]]
        stretch = stretch_of(words, on)
        if stretch is None:
            continue
        event, preposition, forecast = _event(doc, entity)
        if not event or is_reporting_verb(event) or event in LIGHT_VERBS:
            continue  # "said on Tuesday" dates the saying, which two reports may differ on
        before = doc.tokens[max(entity.token_start - 2, 0) : entity.token_start]
        approximate = any(t.text.lower() in APPROXIMATE_WORDS for t in before)
        prep = preposition.text.lower() if preposition is not None else None
        start = (
            preposition.start
            if preposition is not None and preposition.end <= entity.start
            else entity.start
        )
        span = Span(start, entity.end)
        stretch = _bounded(stretch, prep, approximate)
        superseded = _superseded(doc, doc.tokens[entity.token_start])
        out.append(DatedEvent(event, span, span.of(doc.text), stretch, forecast, superseded))
    return out
