"""Quantities: numbers as written, with value, unit, dimension and SI value; and conversions.

Numbers are read from the article body with a scanner that also understands the broken forms
page spinners and bad copy-paste leave behind ("1, 000km", "3. 7 miles"), so that the ledger
holds the value the writer meant and `copy.broken_number` can point at the damage.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from copydesk.ledger.model import Conversion, Quantity
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated

#: A bracketed conversion agrees with its original when the difference is within this share
#: of the expected value, or within half a unit of the converted value's last significant
#: digit, whichever is larger. 5% lets newsroom rounding to round numbers pass
#: (100 km -> "60 miles" is 3.4% off, 1,000 km -> "620 miles" 0.2%, 6 km -> "3.7 miles"
#: 0.8%), while a wrong conversion such as 6 km -> "5 miles" (34% off) fails.
CONVERSION_REL_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # canonical short name: "km", "mi", "%"
    dimension: str
    factor: float  # multiply by this to get the dimension's base unit
    offset: float = 0.0  # added after the factor (temperatures to kelvin)


_LENGTH = {
    "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0, "kilometres": 1000.0,
    "kilometers": 1000.0, "m": 1.0, "metre": 1.0, "meter": 1.0, "metres": 1.0, "meters": 1.0,
    "cm": 0.01, "centimetre": 0.01, "centimeter": 0.01, "centimetres": 0.01,
    "centimeters": 0.01, "mm": 0.001, "millimetre": 0.001, "millimeter": 0.001,
    "millimetres": 0.001, "millimeters": 0.001, "mile": 1609.344, "miles": 1609.344,
    "mi": 1609.344, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "inch": 0.0254,
    "inches": 0.0254, "in": 0.0254, "yard": 0.9144, "yards": 0.9144, "yd": 0.9144,
    "nautical mile": 1852.0, "nautical miles": 1852.0,
}  # fmt: skip
_LENGTH_NAMES = {
    1000.0: "km", 1.0: "m", 0.01: "cm", 0.001: "mm", 1609.344: "mi", 0.3048: "ft",
    0.0254: "in", 0.9144: "yd", 1852.0: "nmi",
}  # fmt: skip
_MASS = {
    "kg": 1.0, "kilogram": 1.0, "kilograms": 1.0, "kilogramme": 1.0, "kilogrammes": 1.0,
    "g": 0.001, "gram": 0.001, "grams": 0.001, "gramme": 0.001, "grammes": 0.001,
    "lb": 0.45359237, "lbs": 0.45359237, "pound": 0.45359237, "pounds": 0.45359237,
    "oz": 0.028349523125, "ounce": 0.028349523125, "ounces": 0.028349523125,
    "tonne": 1000.0, "tonnes": 1000.0, "t": 1000.0, "ton": 907.18474, "tons": 907.18474,
}  # fmt: skip
_MASS_NAMES = {
    1.0: "kg", 0.001: "g", 0.45359237: "lb", 0.028349523125: "oz", 1000.0: "t",
    907.18474: "ton",
}  # fmt: skip
_AREA = {
    "sq km": 1e6, "square kilometres": 1e6, "square kilometers": 1e6, "km2": 1e6, "km²": 1e6,
    "square kilometre": 1e6, "square kilometer": 1e6,
    "sq mi": 2589988.110336, "square miles": 2589988.110336, "square mile": 2589988.110336,
    "hectare": 1e4, "hectares": 1e4, "ha": 1e4, "acre": 4046.8564224, "acres": 4046.8564224,
    "square metres": 1.0, "square meters": 1.0, "sq m": 1.0, "m2": 1.0, "m²": 1.0,
    "square feet": 0.09290304, "sq ft": 0.09290304,
}  # fmt: skip
_AREA_NAMES = {
    1e6: "km2", 2589988.110336: "sq mi", 1e4: "ha", 4046.8564224: "acre", 1.0: "m2",
    0.09290304: "sq ft",
}  # fmt: skip
_VOLUME = {
    "litre": 0.001, "liter": 0.001, "litres": 0.001, "liters": 0.001, "l": 0.001,
    "gallon": 0.003785411784, "gallons": 0.003785411784, "barrel": 0.158987294928,
    "barrels": 0.158987294928, "cubic metres": 1.0, "cubic meters": 1.0,
}  # fmt: skip
_VOLUME_NAMES = {0.001: "l", 0.003785411784: "gal", 0.158987294928: "bbl", 1.0: "m3"}
_SPEED = {
    "km/h": 1 / 3.6, "kph": 1 / 3.6, "kmh": 1 / 3.6, "mph": 0.44704, "m/s": 1.0,
    "knots": 0.514444, "knot": 0.514444,
}  # fmt: skip
_SPEED_NAMES = {1 / 3.6: "km/h", 0.44704: "mph", 1.0: "m/s", 0.514444: "kn"}
_TIME = {
    "second": 1.0, "seconds": 1.0, "minute": 60.0, "minutes": 60.0, "hour": 3600.0,
    "hours": 3600.0, "day": 86400.0, "days": 86400.0, "week": 604800.0, "weeks": 604800.0,
    "month": 2629746.0, "months": 2629746.0, "year": 31556952.0, "years": 31556952.0,
    "decade": 315569520.0, "decades": 315569520.0, "century": 3155695200.0,
    "centuries": 3155695200.0,
}  # fmt: skip
_TIME_NAMES = {
    1.0: "s", 60.0: "min", 3600.0: "h", 86400.0: "day", 604800.0: "week", 2629746.0: "month",
    31556952.0: "year", 315569520.0: "decade", 3155695200.0: "century",
}  # fmt: skip


def _table() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for table, names, dim in (
        (_LENGTH, _LENGTH_NAMES, "length"),
        (_MASS, _MASS_NAMES, "mass"),
        (_AREA, _AREA_NAMES, "area"),
        (_VOLUME, _VOLUME_NAMES, "volume"),
        (_SPEED, _SPEED_NAMES, "speed"),
        (_TIME, _TIME_NAMES, "time"),
    ):
        for alias, factor in table.items():
            units[alias] = Unit(names[factor], dim, factor)
    for alias in ("%", "per cent", "percent"):
        units[alias] = Unit("%", "percent", 1.0)
    for alias in ("°c", "° c", "degrees celsius", "degrees c", "c"):
        units[alias] = Unit("°C", "temperature", 1.0, 273.15)
    for alias in ("°f", "° f", "degrees fahrenheit", "degrees f", "f"):
        units[alias] = Unit("°F", "temperature", 5 / 9, 273.15 - 32 * 5 / 9)
    for alias in ("dollars", "dollar", "usd"):
        units[alias] = Unit("USD", "currency", 1.0)
    for alias in ("euros", "euro", "eur"):
        units[alias] = Unit("EUR", "currency", 1.0)
    return units


UNITS: dict[str, Unit] = _table()

#: Unit abbreviations that are also words or labels: read as units only when written onto the
#: number ("5in", "30C", "2t"), never after a space ("5 in a row", "grade 5 C"). "m" is not
#: among them: "a 2 m wall" is common and "m" alone is no word.
_AMBIGUOUS_WORD_UNITS = frozenset({"in", "t", "l", "c", "f", "g", "ha"})

_CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₴": "UAH",
    "₽": "RUB",
}  # fmt: skip
#: The symbols longest first, so that "US$" is read before "$".
_CURRENCY_LONGEST_FIRST = sorted(_CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0]))
_MULTIPLIERS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "m": 1e6,
    "bn": 1e9, "tn": 1e12, "k": 1e3,
}  # fmt: skip

#: Number words read as values without a unit ("four regions", "two 13-year-olds").
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}  # fmt: skip

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

# A digit run; thousands groups with "," (possibly broken by spaces: "1, 000"); a decimal
# part (possibly broken: "3. 7"). Which of the broken readings hold is decided in `_scan`.
_NUMBER = re.compile(
    r"(?<![\w.,])(?<!\w-)(?P<int>\d{1,3}(?:,[ \t\u00a0]*\d{3})+(?!\d)|\d+)"
    r"(?P<frac>\.[ \t\u00a0]*\d+)?"
)
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}")
_AFTER_DAY_OF_MONTH = re.compile(rf"(?i)\b(?:{_MONTHS})\.?\s*$")
_LIST_CONTINUES = re.compile(r"^\s*(?:,|and\b|or\b|to\b|-|–)\s*\d")
_LIST_BEFORE = re.compile(r"\d\s*,\s*$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]?([A-Za-z°%²/][A-Za-z°%²/]*(?:[ \t][A-Za-z]+)?)")
_YEAR_OLD = re.compile(r"^-(?:year|yr)s?-olds?\b", re.IGNORECASE)
_HYPHEN_UNIT = re.compile(r"^-([A-Za-z]+)\b")
_MULTIPLIER = re.compile(
    r"[ \t\u00a0]?(thousand|million|billion|trillion|mn|bn|tn|m|k)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class NumberRead:
    """One number as the scanner read it: its span (number and unit), value, unit, and
    whether its digits were split by stray spaces (``repaired`` holds the fixed text)."""

    span: Span
    number_span: Span
    value: float
    unit: Unit | None
    unit_text: str | None
    broken: bool
    repaired: str


def _unit_after(text: str, pos: int) -> tuple[Unit | None, str | None, int]:
    """The unit written right after position ``pos`` (with at most one space), its text and
    end offset; ``(None, None, pos)`` when there is none."""
    rest = text[pos : pos + 40]
    m = _YEAR_OLD.match(rest)
    if m:
        return Unit("year", "time", _TIME["year"]), m.group(0)[1:], pos + m.end()
    m = _HYPHEN_UNIT.match(rest)
    if m:  # adjectival "620-mile", "50-day"
        word = m.group(1).lower()
        if word in UNITS and word not in _AMBIGUOUS_WORD_UNITS:
            return UNITS[word], m.group(1), pos + m.end()
        return None, None, pos
    if rest.startswith("%"):
        return UNITS["%"], "%", pos + 1
    m = _WORD_AFTER.match(rest)
    if not m:
        return None, None, pos
    words = m.group(1).split()
    candidates = [" ".join(words[:2]), words[0]] if len(words) > 1 else [words[0]]
    start = pos + m.start(1)
    attached = start == pos
    for cand in candidates:
        key = cand.lower()
        if key not in UNITS:
            continue
        if key in _AMBIGUOUS_WORD_UNITS and not attached:
            continue  # "in 5 in a row", "grade 5 C": only "5m", "30C"
        return UNITS[key], cand, start + len(cand)
    return None, None, pos


def _multiplier_after(text: str, pos: int, currency: bool) -> tuple[float, int]:
    """ "million", "bn" after a number; "m"/"k" only after a currency ("$5m"), since "100m"
    alone is a distance."""
    m = _MULTIPLIER.match(text, pos)
    if m and (currency or m.group(1).lower() not in ("m", "k")):
        if m.group(1).lower() in ("m", "k") and m.start(1) != pos:
            return 1.0, pos
        return _MULTIPLIERS[m.group(1).lower()], m.end()
    return 1.0, pos


def _currency_before(text: str, pos: int) -> tuple[str | None, int]:
    for symbol, code in _CURRENCY_LONGEST_FIRST:
        start = pos - len(symbol)
        if start >= 0 and text[start:pos] == symbol:
            return code, start
    return None, pos


def scan_numbers(text: str) -> list[NumberRead]:
    """Every digit number in ``text`` with its unit, broken forms repaired where the reading
    is unambiguous.

    A "," followed by spaces and exactly three digits continues the number ("1, 000km" is
    1,000 km) unless the comma ends a date or a list ("May 16, 200 people", "1, 200 and 300").
    A "." followed by spaces and digits is a broken decimal only when a unit or multiplier
    follows ("3. 7 miles"); otherwise it is a sentence end ("He was 3. 7 others were hurt").
    """
    found: list[NumberRead] = []
    pos = 0
    while (m := _NUMBER.search(text, pos)) is not None:
        start = pos = m.start()
        pos = start + 1
        date = _DATE_LIKE.match(text, start)
        if date:
            pos = date.end()
            continue
        if start > 0 and text[start - 1].isalpha():
            pos = m.end("int")
            continue  # inside a code or handle: "0JQ1fGyaPC", "F16"
        int_part, frac = m.group("int"), m.group("frac")
        end = m.end("int")
        broken = False
        digits = int_part
        grouped = "," in int_part
        if grouped:
            groups = re.split(r",[ \t\u00a0]*", int_part)
            spaced = bool(re.search(r",[ \t\u00a0]", int_part))
            if spaced and not _broken_thousands_plausible(text, start, m.end("int")):
                digits = groups[0]  # two numbers: "May 16, 200 people", "1, 200 and 300"
                end = start + len(groups[0])
                grouped = False
                frac = None
            else:
                broken = spaced
                digits = "".join(groups)
        value_text = digits
        if frac is not None:
            frac_digits = frac[1:].strip(" \t\u00a0")
            if frac[1:] == frac_digits:
                value_text, end = f"{digits}.{frac_digits}", m.end("frac")
            else:
                frac_unit, _, _ = _unit_after(text, m.end("frac"))
                _, mult_end = _multiplier_after(text, m.end("frac"), False)
                if frac_unit is not None or mult_end > m.end("frac"):
                    value_text, end, broken = f"{digits}.{frac_digits}", m.end("frac"), True
        currency, span_start = _currency_before(text, start)
        mult, after = _multiplier_after(text, end, currency is not None)
        unit: Unit | None
        unit_text: str | None
        if currency is not None:
            unit, unit_text, span_end = Unit(currency, "currency", 1.0), None, after
        else:
            unit, unit_text, span_end = _unit_after(text, after)
            if unit is None:
                span_end = after
        pos = max(pos, end)
        if span_end < len(text) and (text[span_end].isalnum() or text[span_end] == "_"):
            continue  # "3rd", "5G", "0JQ": not a quantity
        repaired = text[span_start:start] + _format_digits(value_text, grouped)
        suffix = text[end:span_end]
        if unit_text and len(unit_text) > 1 and suffix[:1].isalpha():
            suffix = " " + suffix  # "1,000km" -> "1,000 km"
        found.append(
            NumberRead(
                Span(span_start, span_end),
                Span(start, end),
                float(value_text) * mult,
                unit,
                unit_text,
                broken,
                repaired + suffix,
            )
        )
        pos = span_end
    return found


def _broken_thousands_plausible(text: str, start: int, end: int) -> bool:
    """Whether "N, NNN" is one number split by a stray space rather than two numbers: not
    after a month name ("May 16, 200 people") and not inside a list ("1, 200 and 300")."""
    before = text[max(0, start - 12) : start]
    if _AFTER_DAY_OF_MONTH.search(before) or _LIST_BEFORE.search(before):
        return False
    return not _LIST_CONTINUES.match(text[end : end + 12])


def _format_digits(value_text: str, grouped: bool) -> str:
    whole, _, frac = value_text.partition(".")
    if grouped:
        whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


def _sentence_index(doc: Annotated, offset: int) -> int:
    s = doc.sentence_at(offset)
    if s is not None:
        return s.index
    before = [x.index for x in doc.sentences if x.start <= offset]
    return before[-1] if before else 0


def _written_numbers(doc: Annotated) -> list[Quantity]:
    """Numbers written as words ("four regions", "twenty-five"), value only."""
    out: list[Quantity] = []
    for tok in doc.tokens:
        if tok.pos != "NUM" or not tok.text.isalpha() and "-" not in tok.text:
            continue
        parts = tok.text.lower().split("-")
        if not all(p in NUMBER_WORDS for p in parts):
            continue
        if tok.ent_type in ("DATE", "TIME") and parts[0] in ("one",):
            continue
        if parts == ["one"]:
            prev = doc.tokens[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.text.lower() in ("no", "any", "every", "each", "some"):
                continue
        value = float(sum(NUMBER_WORDS[p] for p in parts))
        if parts[-1] in ("hundred", "thousand") and len(parts) > 1:
            value = float(NUMBER_WORDS[parts[0]] * NUMBER_WORDS[parts[-1]])
        unit, _, end = _unit_after(doc.text, tok.end)
        if unit is not None and unit.dimension == "time":  # "two decades" is twenty years
            span = Span(tok.start, end)
            si = value * unit.factor + unit.offset
            out.append(Quantity(span.of(doc.text), span, value, unit.name, "time", si, tok.sent))
            continue
        out.append(Quantity(tok.text, tok.span, value, None, "count", None, tok.sent))
    return out


def extract_quantities(doc: Annotated) -> tuple[Quantity, ...]:
    """Every number in the article body: digits with their unit, and number words."""
    text = doc.article.body
    quantities: list[Quantity] = []
    for read in scan_numbers(text):
        if read.unit is None and _is_calendar(doc, read):
            continue
        si = None
        dimension = "count"
        unit_name = None
        if read.unit is not None:
            unit_name = read.unit.name
            dimension = read.unit.dimension
            si = read.value * read.unit.factor + read.unit.offset
        quantities.append(
            Quantity(
                doc.text[read.span.start : read.span.end],
                read.span,
                read.value,
                unit_name,
                dimension,
                si,
                _sentence_index(doc, read.span.start),
            )
        )
    quantities.extend(_written_numbers(doc))
    return tuple(sorted(quantities, key=lambda q: (q.span.start, q.span.end)))


def _is_calendar(doc: Annotated, read: NumberRead) -> bool:
    """A bare number that is part of a date or clock time ("May 16", "2022", "7 p.m.")."""
    for tok in doc.tokens_in(read.number_span) or ():
        if tok.ent_type in ("DATE", "TIME"):
            return True
    return False


# Conversions ------------------------------------------------------------------------------

_BRACKETED = re.compile(r"^[ \t\u00a0]*\((?:about |around |some |roughly |nearly |almost )?")


def _significant_half_unit(q: Quantity) -> float:
    """Half a unit of the last digit a conversion was rounded to: "3.7" -> 0.05, "62" -> 0.5,
    "620" -> 5. Trailing zeros of a whole number are read as one rounded digit, so "1,000"
    gives 5, not 500: a conversion written "1,000 miles" claims more than one significant
    figure."""
    m = re.search(r"\d[\d,. \u00a0]*", q.text)
    written = re.sub(r"[^\d.]", "", m.group(0)) if m else ""
    written = written.strip(".")
    if not written or not float(written):
        return 0.5
    if "." in written:
        step = 10.0 ** -len(written.split(".", 1)[1])
    else:
        step = 10.0 if written.endswith("0") else 1.0
    return step * (q.value / float(written)) / 2


def _convertible(a: Quantity, b: Quantity) -> bool:
    return (
        a.dimension == b.dimension
        and a.dimension not in (None, "count", "currency", "percent")
        and a.unit != b.unit
        and a.si_value is not None
        and b.si_value is not None
    )


def _expected(original: Quantity, converted: Quantity) -> float:
    unit = next(u for u in UNITS.values() if u.name == converted.unit)
    assert original.si_value is not None
    return (original.si_value - unit.offset) / unit.factor


def conversion_agrees(original: Quantity, converted: Quantity) -> tuple[bool, float]:
    """Whether ``converted`` is ``original`` in another unit, within the tolerance; and the
    value it should have."""
    expected = _expected(original, converted)
    allowed = max(CONVERSION_REL_TOLERANCE * abs(expected), _significant_half_unit(converted))
    return abs(converted.value - expected) <= allowed + 1e-9, expected


def extract_conversions(doc: Annotated, quantities: tuple[Quantity, ...]) -> tuple[Conversion, ...]:
    """A quantity followed by another in brackets in a convertible unit: "1,000km (620-mile)",
    "6 km (3.7 miles)", "30C (86F)"."""
    text = doc.article.text
    out: list[Conversion] = []
    ordered = sorted(quantities, key=lambda q: q.span.start)
    for a, b in itertools.pairwise(ordered):
        if not _convertible(a, b):
            continue
        between = text[a.span.end : b.span.start]
        m = _BRACKETED.match(between)
        if not m or m.end() != len(between):
            continue
        agrees, expected = conversion_agrees(a, b)
        if math.isfinite(expected):
            out.append(Conversion(a, b, agrees, expected))
    return tuple(out)
