"""Consistency checks: a person given posts for two countries (or two posts in one
institution), and bracketed conversions that disagree."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from copydesk.analysis import analyse
from copydesk.checks.consistency import (
    CHECKS,
    conflicting_affiliation,
    time_conflicts,
    unit_conversion,
)
from copydesk.ledger.model import Conversion, Ledger, Quantity
from copydesk.ledger.people import extract_people
from copydesk.ledger.times import Stretch, stretch_of
from copydesk.model import Finding, Severity, Span
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article

AFFILIATION = "consistency.conflicting_affiliation"
UNIT = "consistency.unit_conversion"


@lru_cache(maxsize=32)
def analysed(text: str) -> tuple[Annotated, Ledger]:
    from copydesk.ledger.quantities import extract_conversions, extract_quantities

    doc = annotate(Article(text))
    quantities = extract_quantities(doc)
    ledger = Ledger(
        people=extract_people(doc),
        quantities=quantities,
        conversions=extract_conversions(doc, quantities),
    )
    return doc, ledger


def findings(text: str) -> list[Finding]:
    doc, ledger = analysed(text)
    return [f for check in CHECKS for f in check(doc, ledger)]


# --- conflicting affiliation: the seed ---------------------------------------------------


def test_seed_article_umerov_heads_russias_delegation_while_on_ukraines_council(
    seed_dir: Path,
) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    major = [f for f in findings(text) if f.kind == AFFILIATION and f.severity is Severity.MAJOR]
    assert len(major) == 1
    finding = major[0]
    assert finding.span.of(text) == "the head of Russia’s delegation"
    assert "Rustem Umerov" in finding.message
    assert "Russia" in finding.message and "Ukraine" in finding.message
    # The other role is quoted in the message and reachable as evidence in the article.
    first = "current secretary of the Ukrainian National Security and Defense Council"
    assert first in finding.message
    assert finding.evidence[0].doc_id == "article"
    assert finding.evidence[0].span.of(text) == first
    assert finding.evidence[0].span.start < finding.span.start


def test_seed_article_secretary_then_head_of_the_same_council_is_minor(seed_dir: Path) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    minor = [f for f in findings(text) if f.kind == AFFILIATION and f.severity is Severity.MINOR]
    assert len(minor) == 1
    assert minor[0].span.of(text) == (
        "the head of the Ukrainian National Security and Defense Council"
    )
    assert "secretary" in minor[0].message


@pytest.mark.parametrize(
    "name",
    [
        "source.txt",
        "coverage/01_thesun_my.txt",
        "coverage/03_brecorder.txt",
        "coverage/07_dawn.txt",
        "coverage/10_kyivindependent.txt",
        "coverage/13_timesofindia_via_daily8.txt",
    ],
)
def test_consistent_reports_have_no_consistency_findings(seed_dir: Path, name: str) -> None:
    text = (seed_dir / name).read_text(encoding="utf-8")
    assert findings(text) == []


# --- conflicting affiliation: fixture texts ----------------------------------------------

MUST_FIRE = [
    (
        (
            "Anna Kovalenko, Ukraine's defence minister, arrived in Geneva on Monday. Kovalenko, who "
            "will lead Russia's delegation at the talks, declined to comment."
        ),
        "lead Russia's delegation",
    ),
    (
        (
            "Kremlin spokesman Ivan Sidorov said the talks would start at noon. Sidorov, the head of "
            "the Ukrainian delegation, later left the room."
        ),
        "the head of the Ukrainian delegation",
    ),
    (
        (
            "Polish Foreign Minister Radek Kowal opened the summit.\nThe German delegation will be "
            "led by Radek Kowal, officials said.\nKowal, Poland's top diplomat, spoke first."
        ),
        "German delegation will be led",
    ),
]


@pytest.mark.parametrize(("text", "flagged"), MUST_FIRE)
def test_posts_for_two_countries_fire(text: str, flagged: str) -> None:
    found = [f for f in findings(text) if f.kind == AFFILIATION]
    assert len(found) == 1, found
    assert found[0].severity is Severity.MAJOR
    assert found[0].span.of(text) == flagged or flagged in found[0].span.of(text)
    assert found[0].evidence and found[0].evidence[0].span.end <= len(text)


NEAR_MISSES = [
    # An ambassador's posting is not a side.
    (
        "Andriy Shevchenko, Ukraine's ambassador to Russia, was recalled. Shevchenko, a Ukrainian "
        "diplomat, flew home on Friday."
    ),
    # A former post for one country, a current one for another.
    (
        "Irina Sokol, a former Russian diplomat, is now Ukraine's minister for veterans. Sokol, who "
        "heads the Ukrainian delegation, spoke first."
    ),
    # A reporter is where she works, not whom she serves.
    (
        "Laura Kim, a reporter from Kyiv, said the mood was tense. Kim, a Russian journalist, has "
        "covered the war since 2022."
    ),
    # A national post beside an international organisation's.
    (
        "Kaja Maran, Estonia's foreign minister, will also serve as the European Union's envoy. "
        "Maran said she would travel to Brussels."
    ),
    # Two people, two sides.
    (
        "Rustem Umerov will lead Kyiv's delegation, while Russia's delegation will be led by "
        "presidential adviser Vladimir Medinsky."
    ),
    # One person, one side, several posts.
    (
        "Ukrainian Defence Minister Olena Bondar will lead Kyiv's delegation. Bondar, the "
        "secretary of Ukraine's security council, said the talks would be hard."
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_do_not_fire(text: str) -> None:
    assert [f for f in findings(text) if f.kind == AFFILIATION] == []


def test_two_posts_in_one_institution_are_minor() -> None:
    text = (
        "Piotr Nowak, the head of the Polish Senate, opened the session. Later, Nowak, the "
        "secretary of the Polish Senate, closed it."
    )
    found = [f for f in findings(text) if f.kind == AFFILIATION]
    assert [f.severity for f in found] == [Severity.MINOR]
    assert found[0].span.of(text) == "the secretary of the Polish Senate"
    assert found[0].evidence[0].span.of(text) == "the head of the Polish Senate"


def test_a_member_of_an_institution_may_hold_a_post_in_it() -> None:
    text = (
        "Piotr Nowak, the head of the Polish Senate, opened the session. Nowak, a member of the "
        "Polish Senate since 2015, closed it."
    )
    assert [f for f in findings(text) if f.kind == AFFILIATION] == []


# --- unit conversion ---------------------------------------------------------------------


def _quantity(text: str, start: int, value: float, unit: str, factor: float) -> Quantity:
    return Quantity(text, Span(start, start + len(text)), value, unit, "length", value * factor, 0)


def test_disagreeing_conversion_is_flagged_at_the_converted_value() -> None:
    text = "The front line runs for 1,000km (520 miles)."
    doc, _ = analysed(text)
    original = _quantity("1,000km", 24, 1000.0, "km", 1000.0)
    converted = _quantity("520 miles", 33, 520.0, "mi", 1609.344)
    ledger = Ledger(conversions=(Conversion(original, converted, False, 621.371),))
    (finding,) = unit_conversion(doc, ledger)
    assert finding.kind == UNIT and finding.severity is Severity.MAJOR
    assert finding.span.of(text) == "520 miles"
    assert finding.suggestion == "621 miles"
    assert "1,000km" in finding.message and "621 miles" in finding.message


def test_agreeing_conversion_is_not_flagged() -> None:
    text = "The village is 6 km (3.7 miles) away."
    doc, _ = analysed(text)
    original = _quantity("6 km", 15, 6.0, "km", 1000.0)
    converted = _quantity("3.7 miles", 21, 3.7, "mi", 1609.344)
    ledger = Ledger(conversions=(Conversion(original, converted, True, 3.728),))
    assert unit_conversion(doc, ledger) == []


def test_suggestion_keeps_the_written_form() -> None:
    text = "The village is 6 km (5-mile) away."
    doc, _ = analysed(text)
    original = _quantity("6 km", 15, 6.0, "km", 1000.0)
    converted = _quantity("5-mile", 21, 5.0, "mi", 1609.344)
    ledger = Ledger(conversions=(Conversion(original, converted, False, 3.728),))
    (finding,) = unit_conversion(doc, ledger)
    assert finding.suggestion == "3.7-mile"


def test_end_to_end_conversions_from_the_text() -> None:
    text = (
        "The front line runs for 1,000km (520 miles). The village is 6 km (3.7 miles) from the "
        "border, and the depot 10 kg (22 pounds) lighter."
    )
    found = [f for f in findings(text) if f.kind == UNIT]
    assert [f.span.of(text) for f in found] == ["520 miles"]
    assert found[0].suggestion == "621 miles"


def test_seed_article_conversions_hold(seed_dir: Path) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    assert [f for f in findings(text) if f.kind == UNIT] == []
    _, ledger = analysed(text)
    assert len(ledger.conversions) == 2  # 1,000km (620-mile), 6 km (3. 7 miles)


def test_checks_emit_only_their_own_kinds(seed_dir: Path) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    doc, ledger = analysed(text)
    kinds = {f.kind for f in conflicting_affiliation(doc, ledger)}
    assert kinds == {AFFILIATION}


# --- one event dated two ways ---------------------------------------------------------------


def _time_conflicts(text: str, published: str | None = None) -> list[Finding]:
    a = analyse(Article(text, published=published))
    return time_conflicts(a.doc, a.ledger)


def test_one_event_dated_two_incompatible_ways() -> None:
    text = (
        "The new jet is expected to be certified around August 2026, the maker said.\n"
        "Regulators said certification would come sometime in the first half 2026.\n"
    )
    (finding,) = _time_conflicts(text)
    assert finding.span.of(text) == "in the first half 2026"
    assert finding.severity.value == "major"
    assert [e.text for e in finding.evidence] == ["around August 2026"]


def test_a_deadline_and_a_date_inside_it_agree() -> None:
    text = (
        "The bridge will reopen in March 2027, the council said.\n"
        "Engineers said the bridge would reopen by the end of 2027.\n"
    )
    assert not _time_conflicts(text)


def test_relative_dates_are_read_against_the_article_date() -> None:
    text = (
        "The airline will start flying the route in the last quarter of next year.\n"
        "It expects to start flying the route in January 2026, the airline said.\n"
    )
    assert len(_time_conflicts(text, published="2025-03-10")) == 1
    assert not _time_conflicts(text)  # without a date, "next year" is left unread


def test_two_occurrences_years_apart_are_no_conflict() -> None:
    text = (
        "She was first elected in 1990.\nShe hopes to be elected again in 2026, her party said.\n"
    )
    assert not _time_conflicts(text)


def test_a_forecast_dates_the_event_its_object_names() -> None:
    text = (
        "The drug is expected to be approved in October 2027, the company said.\n"
        "Its chief executive told investors he expects approval of the drug in the first half "
        "of 2027.\n"
    )
    (finding,) = _time_conflicts(text)
    assert finding.span.of(text) == "in the first half of 2027"
    assert [e.text for e in finding.evidence] == ["in October 2027"]


def test_what_happened_and_what_is_forecast_are_no_conflict() -> None:
    text = (
        "The economy expanded in 2024, the statistics office said.\n"
        "The central bank expects expansion of about 3% in 2025.\n"
    )
    assert not _time_conflicts(text)


def test_months_of_time_expressions() -> None:
    assert stretch_of(["august", "2026"], None) == Stretch(2026 * 12 + 7, 2026 * 12 + 7)
    assert stretch_of(["the", "first", "half", "2026"], None) == Stretch(2026 * 12, 2026 * 12 + 5)
    assert stretch_of(["next", "month"], None) is None
