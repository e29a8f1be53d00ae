"""Numbers in a group of sentences with their values and units normalised, for the source diff.

The ledger's quantities are used where it has them; numbers it does not list are read here
from the text, so that "1, 000km", "1,000 km" and "1,000 kilometres" all read as 1000 km and
"seven weeks" as 7 weeks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.compare.frames import wordset
from copydesk.ledger.model import Ledger
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated

#: Units with their dimension and size in the dimension's base unit.
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "kilometres": ("length", 1000.0),
    "kilometers": ("length", 1000.0),
    "m": ("length", 1.0),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "metres": ("length", 1.0),
    "meters": ("length", 1.0),
    "mile": ("length", 1609.344),
    "miles": ("length", 1609.344),
    "mi": ("length", 1609.344),
    "kg": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "kilograms": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "ton": ("mass", 907.185),
    "tons": ("mass", 907.185),
    "%": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "pc": ("percent", 1.0),
}

#: Relative difference under which one quantity written in two different units is the same
#: ("1,000 km" and "620 miles" differ by 0.2%); values in the same unit must be equal.
SAME_VALUE_TOLERANCE = 0.005

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
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
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_NUMBER = re.compile(
    r"(?P<cur>[$€£])?"
    r"(?<![\w.])(?P<num>\d{1,3}(?:\s?,\s?\d{3})+(?:\s?\.\s?\d+)?|\d+(?:\s?\.\s?\d+)?"
    r"|(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?![\w-]))"
    r"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:[\s-]?(?P<unit>per cent|[a-z%]+))?",
    re.IGNORECASE,
)

#: Words after a number that are not its unit.
_NOT_UNITS = wordset("and or to of in on at by the a an as from than for with per over about")


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    span: Span
    value: float
    unit: str | None  # normalised: "km", "percent", or the noun counted ("week")
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
        if self.dimension or other.dimension:
            return self.dimension == other.dimension
        return self.unit is None or other.unit is None or self.unit == other.unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _unit(word: str | None) -> tuple[str | None, str | None, float]:
    if not word:
        return None, None, 1.0
    w = word.lower()
    if w in UNITS:
        dim, size = UNITS[w]
        return w, dim, size
    if w in _NOT_UNITS:
        return None, None, 1.0
    stem = w[:-1] if w.endswith("s") and len(w) > 3 else w
    return stem, None, 1.0


def _value(num: str) -> float | None:
    n = num.lower()
    if n in _WORDS:
        return float(_WORDS[n])
    n = re.sub(r"\s", "", n).replace(",", "")
    try:
        return float(n)
    except ValueError:
        return None


def figures(doc: Annotated, sentences: Sequence[int], ledger: Ledger) -> list[Figure]:
    out: list[Figure] = []
    for q in ledger.quantities:
        if q.sentence in sentences:
            unit, dim, size = _unit(q.unit)
            dim = q.dimension or dim
            base = q.si_value if q.si_value is not None else (q.value * size if dim else None)
            out.append(Figure(q.text, q.span, q.value, unit, dim, base))
    for k in sentences:
        s = doc.sentences[k]
        for m in _NUMBER.finditer(s.text):
            span = Span(s.start + m.start(), s.start + m.end())
            if any(f.span.overlaps(span) for f in out):
                continue
            value = _value(m.group("num"))
            if value is None:
                continue
            scale = (m.group("scale") or "").lower()
            unit_word = m.group("unit")
            if scale in {"m"} and unit_word is None and m.group("cur") is None:
                unit_word, scale = "m", ""
            value *= _SCALES.get(scale, {"bn": 1e9, "m": 1e6}.get(scale, 1.0))
            unit, dim, size = _unit(unit_word)
            if m.group("cur"):
                unit, dim, size = (
                    {"$": "usd", "€": "eur", "£": "gbp"}[m.group("cur")],
                    "currency",
                    1.0,
                )
            out.append(Figure(m.group(0), span, value, unit, dim, value * size if dim else None))
    return sorted(out, key=lambda f: f.span)
