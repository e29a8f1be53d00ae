"""Quantities and bracketed conversions, read from fixture texts and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.ledger.model import Quantity
from copydesk.ledger.quantities import extract_conversions, extract_quantities
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article, Excluded


def _doc(text: str) -> Annotated:
    return annotate(Article(text))


def _quantities(text: str) -> dict[str, Quantity]:
    return {q.text: q for q in extract_quantities(_doc(text))}


@pytest.fixture(scope="module")
def seed_doc(seed_dir: Path) -> Annotated:
    return annotate(Article((seed_dir / "article.txt").read_text(encoding="utf-8")))


def test_seed_broken_numbers_are_read_as_meant(seed_doc: Annotated) -> None:
    qs = {q.text: q for q in extract_quantities(seed_doc)}
    front = qs["1, 000km"]
    assert (front.value, front.unit, front.dimension, front.si_value) == (
        1000.0,
        "km",
        "length",
        1_000_000.0,
    )
    assert front.span.of(seed_doc.text) == "1, 000km"
    miles = qs["3. 7 miles"]
    assert (miles.value, miles.unit) == (3.7, "mi")
    assert miles.si_value == pytest.approx(5954.5728)
    assert qs["620-mile"].value == 620.0
    assert qs["66-year-old"].unit == "year"
    assert qs["four"].value == 4.0 and qs["four"].unit is None


def test_seed_conversions_agree(seed_doc: Annotated) -> None:
    quantities = extract_quantities(seed_doc)
    convs = {
        (c.original.text, c.converted.text): c for c in extract_conversions(seed_doc, quantities)
    }
    front = convs[("1, 000km", "620-mile")]
    assert front.agrees and front.expected == pytest.approx(621.37, abs=0.01)
    border = convs[("6 km", "3. 7 miles")]
    assert border.agrees and border.expected == pytest.approx(3.728, abs=0.001)
    assert len(convs) == 2


@pytest.mark.parametrize(
    ("text", "agrees", "expected"),
    [
        ("The storm moved 6 km (5 miles) inland.", False, 3.728),
        ("The convoy stopped 100 km (60 miles) from the city.", True, 62.14),
        ("The fence runs for 400 kilometres (250 miles) along the border.", True, 248.55),
        ("It was 30C (86F) in the capital on Monday.", True, 86.0),
        ("It was 30C (50F) in the capital on Monday.", False, 86.0),
        ("The catch weighed 12kg (26lb) at the quay.", True, 26.46),
        ("The catch weighed 12kg (40lb) at the quay.", False, 26.46),
    ],
)
def test_conversion_tolerance(text: str, agrees: bool, expected: float) -> None:
    doc = _doc(text)
    convs = extract_conversions(doc, extract_quantities(doc))
    assert len(convs) == 1
    assert convs[0].agrees is agrees
    assert convs[0].expected == pytest.approx(expected, rel=0.001)


def test_correct_numbers_and_near_misses_keep_their_values() -> None:
    qs = _quantities(
        "In 2022, 13 people died when 1,000 troops moved 3.7 miles. He was 3. 7 others "
        "were hurt. Teams 1, 2 and 3 met on May 16, 2025."
    )
    assert qs["13"].value == 13.0
    assert qs["1,000"].value == 1000.0
    assert qs["3.7 miles"].value == 3.7
    assert "3. 7" not in qs and qs["7"].value == 7.0
    assert {"1", "2", "3"} <= set(qs)
    assert "2022" not in qs and "2025" not in qs  # dates are not quantities


def test_currency_percent_and_written_numbers() -> None:
    qs = _quantities(
        "The fund raised $1.5 billion, a 5% rise, and two 13-year-olds were among four "
        "hurt during the 50-day siege."
    )
    assert (qs["$1.5 billion"].value, qs["$1.5 billion"].unit) == (1.5e9, "USD")
    assert qs["5%"].dimension == "percent"
    assert qs["two"].value == 2.0 and qs["two"].unit is None
    assert qs["13-year-olds"].value == 13.0
    assert qs["four"].value == 4.0
    assert qs["50-day"].si_value == 50 * 86400


def test_numbers_in_page_junk_are_not_quantities() -> None:
    text = "Troops advanced 5 km.\nShare this: 120 comments\n"
    start = text.index("Share")
    article = Article(text, excluded=(Excluded(Span(start, len(text) - 1), "junk", "share line"),))
    qs = {q.text for q in extract_quantities(annotate(article))}
    assert qs == {"5 km"}
