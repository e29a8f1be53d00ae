"""Whole rewrites of a fixture article, written for these tests: a fluent model-style rewrite
that keeps every fact (no major finding may fire on it), and a spun copy with planted
changes (each must be found, with its kind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.model import Severity
from copydesk.pipeline import CheckResult, check
from copydesk.read import read_file

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "eval" / "fixtures" / "port_strike.txt"


@pytest.fixture(scope="module")
def fluent() -> CheckResult:
    return check(read_file(HERE / "rewrites" / "port_strike_fluent.txt"), read_file(SOURCE))


@pytest.fixture(scope="module")
def spun() -> CheckResult:
    return check(read_file(HERE / "rewrites" / "port_strike_spun.txt"), read_file(SOURCE))


def test_a_faithful_fluent_rewrite_draws_no_major_finding(fluent: CheckResult) -> None:
    text = fluent.article.text
    majors = [(f.kind, f.span.of(text)) for f in fluent.findings if f.severity is Severity.MAJOR]
    assert majors == []


def test_the_spun_copy_changes_are_found(spun: CheckResult) -> None:
    text = spun.article.text
    found = {(f.kind, f.span.of(text)) for f in spun.findings}
    assert ("source.antonym", "southern") in found
    assert ("source.attribution_verb_changed", "instructed") in found
    assert ("source.scope_changed", "gasoline") in found
    assert any(k == "source.word_changed" and s == "barter" for k, s in found)


def test_the_rewording_score_sees_the_update_tag(fluent: CheckResult) -> None:
    from copydesk.checks.verdict import rewording

    verdict = rewording(fluent.analysed.doc, fluent.findings)
    assert verdict.score > 0 and verdict.reasons[0].kind == "spin.editorial_word"


FLOODS = HERE.parents[1] / "eval" / "fixtures" / "flood_relief.txt"


def test_a_house_style_republication_draws_nothing() -> None:
    result = check(read_file(HERE / "rewrites" / "flood_relief_house_style.txt"), read_file(FLOODS))
    assert [f.kind for f in result.findings if f.severity is not Severity.INFO] == []


def test_a_round_trip_shows_its_fingerprints_and_its_changes() -> None:
    result = check(read_file(HERE / "rewrites" / "flood_relief_round_trip.txt"), read_file(FLOODS))
    text = result.article.text
    found = {(f.kind, f.span.of(text)) for f in result.findings}
    assert {
        ("spin.lowercase_name", "pakistan"),
        ("spin.lowercase_name", "murad ali shah"),
        ("spin.broken_sentence", "rains They"),
        ("source.quote_altered", "all families"),
    } <= found
    assert not any(k == "source.time_changed" for k, _ in found)  # "on" and "over" the weekend


def test_against_a_source_a_fingerprint_is_not_said_twice(spun: CheckResult) -> None:
    text = spun.article.text
    at_instructed = [f.kind for f in spun.findings if f.span.of(text) == "instructed"]
    assert at_instructed == ["source.attribution_verb_changed"]
    alone = check(read_file(HERE / "rewrites" / "port_strike_spun.txt"))
    assert "spin.odd_reporting_verb" in {f.kind for f in alone.findings}
    assert alone.rewording == spun.rewording  # the verdict reads the article alone


@pytest.mark.parametrize(
    ("rewrite", "fixture"),
    [
        ("election_count_fluent.txt", "election_count.txt"),
        ("trade_summit_fluent.txt", "trade_summit.txt"),
        ("hospital_cyberattack_fluent.txt", "hospital_cyberattack.txt"),
    ],
)
def test_other_fluent_rewrites_draw_no_major_finding(rewrite: str, fixture: str) -> None:
    """Durations in other units ("two decades", "twenty years"), modals of one force ("could
    take", "may take") and reported speech moved back a tense are the same facts."""
    result = check(
        read_file(HERE / "rewrites" / rewrite),
        read_file(HERE.parents[1] / "eval" / "fixtures" / fixture),
    )
    text = result.article.text
    majors = [(f.kind, f.span.of(text)) for f in result.findings if f.severity is Severity.MAJOR]
    assert majors == []
    assert "source.tense_changed" not in {f.kind for f in result.findings}
