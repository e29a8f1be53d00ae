"""What an article asserts, as plain data. Built once per article by `copydesk.ledger.build_ledger`.

Every record carries the span(s) it was read from, so checks and diffs can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.model import Span


@dataclass(frozen=True, slots=True)
class Quotation:
    """Words the article presents as someone's.

    ``marked`` is False for reported speech that the parser shows as a direct quote without
    quotation marks ("No one wants an easy road, Peskov told reporters."): the words are the
    clause governed by the cue verb. ``span`` covers the quoted words only (no marks).
    """

    text: str
    span: Span
    sentence: int
    marked: bool
    speaker: str | None  # canonical name (a `Person.name`) or the speaker phrase as written
    speaker_span: Span | None
    cue: str | None  # lemma of the reporting verb: "say", "tell", "claim", "according to"
    cue_span: Span | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting frame: a speaker, a cue verb, and what is reported (quoted or not).

    ``speaker`` is None when the frame has no speaker ("According to  , ...").
    """

    cue: str
    cue_span: Span
    speaker: str | None
    speaker_span: Span | None
    content_span: Span | None
    sentence: int


@dataclass(frozen=True, slots=True)
class Role:
    """A title or function given to a person, with the side it belongs to when stated.

    ``title`` is normalised lower-case ("head of delegation", "secretary of the national
    security and defense council", "defense minister"); ``side`` is a canonical country or
    organisation ("Ukraine", "Russia") or None; ``former`` marks "former defence minister".
    """

    title: str
    side: str | None
    span: Span
    former: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the article, merged across mentions ("Rustem Umerov", "Umerov")."""

    name: str
    mentions: tuple[Span, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, with its value and unit normalised.

    ``dimension`` groups convertible units ("length", "mass", "area", "volume", "speed",
    "temperature", "currency", "count", "percent", "time"); ``si_value`` is the value in the
    dimension's base unit (metres, kilograms...), None when there is no unit.
    """

    text: str
    span: Span
    value: float
    unit: str | None
    dimension: str | None
    si_value: float | None
    sentence: int


@dataclass(frozen=True, slots=True)
class Conversion:
    """A value and its conversion in brackets: "1,000km (620-mile)". ``agrees`` is within tolerance."""

    original: Quantity
    converted: Quantity
    agrees: bool
    expected: float  # the converted value implied by the original, in the converted unit


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence's who-did-what-to-whom frame, voice normalised.

    "X will be led by Y" and "Y will lead X" both give subject=Y, predicate="lead", object=X.
    ``subject``/``object`` are canonical entity names where resolved, else the phrase head text.
    Places resolve to their side ("Kyiv" → "Ukraine"); other phrases give their head lemma
    with its compounds ("delegation", "prisoner exchange") and the side they name goes to
    ``subject_side``/``object_side``. ``predicate`` is the content verb's lemma, with a
    particle or the preposition of a prepositional object ("set up", "meet with");
    ``control`` holds the verbs governing it through "to" ("refuse" in "refused to drop").
    """

    sentence: int
    span: Span
    subject: str | None
    subject_span: Span | None
    predicate: str
    predicate_span: Span
    object: str | None
    object_span: Span | None
    negated: bool
    hedged: bool  # modal or hedge verb ("could", "may", "is expected to")
    passive: bool  # as written
    # The side each argument stands for: what the phrase names ("Kyiv's delegation" →
    # "Ukraine", "the Kremlin" → "Russia"), or a person's side from their roles.
    subject_side: str | None = None
    object_side: str | None = None
    # Verbs governing the predicate through an infinitive, outermost first: "refused to drop
    # demands" is predicate "drop" with control ("refuse",). "failed to" also sets negated.
    control: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ledger:
    quotations: tuple[Quotation, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    people: tuple[Person, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    claims: tuple[Claim, ...] = ()

    def person(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None
