"""Numbers in a group of sentences with their values and units normalised, for the source diff.

The numbers are the ledger's quantities. Two kinds the ledger leaves out because they are not
quantities still change a story when they change, so they are added here: calendar numbers
(years such as "2026", read by the ledger's own number scanner) and ordinals ("the third
round").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.model import Ledger
from copydesk.ledger.quantities import NumberRead
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated

#: Relative difference under which one quantity written in two different units is the same
#: ("1,000 km" and "620 miles" differ by 0.2%); values in the same unit must be equal.
SAME_VALUE_TOLERANCE = 0.005

#: Ordinal words and their rank ("the third round" -> "the fourth round" is a change).
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    span: Span
    value: float
    unit: str | None  # the ledger's unit name: "km", "%", "USD"; "ordinal" for ranks
    dimension: str | None
    base_value: float | None  # value in the dimension's base unit

    def same_as(self, other: Figure) -> bool:
        same_unit = self.unit == other.unit or self.unit is None or other.unit is None
        if same_unit and abs(self.value - other.value) < 1e-9:
            return self.comparable(other)
        # written in different units ("1,000 km" and "620 miles"): allow rounding
        return bool(
            self.dimension
            and self.dimension == other.dimension
            and self.base_value is not None
            and other.base_value is not None
            and _close(self.base_value, other.base_value)
        )

    def comparable(self, other: Figure) -> bool:
        if (self.unit == "ordinal") != (other.unit == "ordinal"):
            return False  # a rank is not a count: "the first time" vs "two ports"
        if self.dimension or other.dimension:
            return self.dimension == other.dimension
        return self.unit is None or other.unit is None or self.unit == other.unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def figures(
    doc: Annotated,
    sentences: Sequence[int],
    ledger: Ledger,
    numbers: Sequence[NumberRead],
) -> list[Figure]:
    """The ledger's quantities in these sentences, with the years and ordinals it skips.

    ``numbers`` are the numbers `scan_numbers` read in these sentences
    (`copydesk.source.index.SentenceIndex.numbers_in`)."""
    out: list[Figure] = []
    for q in ledger.quantities:
        if q.sentence in sentences:
            dim = q.dimension if q.dimension != "count" else None
            out.append(Figure(q.text, q.span, q.value, q.unit, dim, q.si_value))
    if not sentences:
        return out
    spans = [doc.sentences[k].span for k in sentences]
    for read in numbers:
        if not any(s.contains(read.span) for s in spans):
            continue
        if any(f.span.overlaps(read.span) for f in out):
            continue
        unit = read.unit.name if read.unit else None
        dim = read.unit.dimension if read.unit else None
        base = read.value * read.unit.factor + read.unit.offset if read.unit else None
        out.append(Figure(read.span.of(doc.text), read.span, read.value, unit, dim, base))
    for k in sentences:
        for tok in doc.sentence_tokens(k):
            rank = ORDINALS.get(tok.text.lower())
            if rank is not None and not any(f.span.overlaps(tok.span) for f in out):
                out.append(Figure(tok.text, tok.span, float(rank), "ordinal", None, None))
    return sorted(out, key=lambda f: f.span)
