"""copy checks: non-words, broken numbers and page junk, on fixtures and the seed case."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks import Check
from copydesk.checks.copy import broken_numbers, non_words, page_junk
from copydesk.ledger.model import Ledger
from copydesk.ledger.quantities import extract_quantities
from copydesk.model import Finding, Severity, Span
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article, Excluded


def _run(check: Check, text: str) -> list[Finding]:
    doc = annotate(Article(text))
    return check(doc, Ledger(quantities=extract_quantities(doc)))


def _spans(findings: list[Finding], text: str) -> list[str]:
    return [f.span.of(text) for f in findings]


@pytest.fixture(scope="module")
def seed_doc(seed_dir: Path) -> Annotated:
    return annotate(Article((seed_dir / "article.txt").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def coverage_docs(seed_dir: Path) -> list[Annotated]:
    paths = sorted((seed_dir / "coverage").glob("*.txt"))
    assert len(paths) == 5
    return [annotate(Article(p.read_text(encoding="utf-8"))) for p in paths]


def test_seed_non_word_is_miraclear_with_a_suggestion(seed_doc: Annotated) -> None:
    findings = non_words(seed_doc, Ledger())
    assert _spans(findings, seed_doc.text) == ["miraclear"]
    (f,) = findings
    assert f.kind == "copy.non_word" and f.severity is Severity.MAJOR
    assert f.suggestion in ("miracle", "miraculous")
    assert "miraculous" in f.message


def test_coverage_texts_have_no_non_words(coverage_docs: list[Annotated]) -> None:
    for doc in coverage_docs:
        assert non_words(doc, Ledger()) == [], doc.text[:60]


def test_invented_misspelling_is_flagged_with_the_word_meant() -> None:
    text = "The ministry said the talks were unprodictive and would resume on Monday."
    (f,) = _run(non_words, text)
    assert f.span.of(text) == "unprodictive"
    assert f.suggestion == "unproductive"


def test_a_verb_ending_on_an_adjective_is_a_non_word() -> None:
    text = "“This is a workabled compromise for the river,” the minister said."
    (f,) = _run(non_words, text)
    assert (f.span.of(text), f.suggestion) == ("workabled", "workable")


def test_rare_british_spellings_and_inflections_are_words() -> None:
    text = (
        "Spain will release 2,700 cubic hectometres of water. Hydrologists recalibrated the "
        "gauges, councillors' manoeuvres were scrutinised and volunteers sandbagged doorways."
    )
    assert _run(non_words, text) == []


def test_names_urls_numbers_and_compounds_are_not_non_words() -> None:
    text = (
        "Kyslytsya arrived on Monday. First Deputy Foreign Minister Sergiy Kyslytsya and "
        "deputy intelligence chief Vadym Skybytskyi joined the face-to-face talks in "
        "Varachyne, the HUR said. Read more at https://example.com/news/2025 or "
        "twitter.com/0JQ1fGyaPC. The full-scale war began in 2022 and 13 people died."
    )
    assert _run(non_words, text) == []


def test_word_cut_off_at_the_end_of_a_truncated_text_is_not_a_non_word() -> None:
    assert _run(non_words, "Kyiv has rejected the conditions outrig") == []
    text = "Kyiv has rejected the outrig conditions."
    assert _spans(_run(non_words, text), text) == ["outrig"]


def test_seed_broken_numbers(seed_doc: Annotated) -> None:
    findings = broken_numbers(seed_doc, Ledger())
    assert [(f.span.of(seed_doc.text), f.suggestion) for f in findings] == [
        ("1, 000km", "1,000 km"),
        ("3. 7 miles", "3.7 miles"),
    ]
    assert all(f.kind == "copy.broken_number" for f in findings)


@pytest.mark.parametrize(
    ("text", "broken", "suggestion"),
    [
        ("Troops moved along a 2, 500-mile front.", "2, 500-mile", "2,500-mile"),
        ("The river rose 1. 5 m overnight.", "1. 5 m", "1.5 m"),
        ("Prices rose 4. 2% in May.", "4. 2%", "4.2%"),
        ("The fund lost 12, 000, 000 dollars.", "12, 000, 000 dollars", "12,000,000 dollars"),
    ],
)
def test_broken_numbers_must_fire(text: str, broken: str, suggestion: str) -> None:
    (f,) = _run(broken_numbers, text)
    assert (f.span.of(text), f.suggestion) == (broken, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, 13 people died in the blast.",
        "The talks began on May 16, 2025, in Istanbul.",
        "The talks began on May 16, 200 delegates attended.",
        "About 1,000 troops moved 3.7 miles.",
        "Teams 1, 2 and 3 advanced.",
        "He was 3. 7 others were hurt.",
        "Scores of 1, 200 and 300 were recorded.",
    ],
)
def test_broken_numbers_near_misses(text: str) -> None:
    assert _run(broken_numbers, text) == []


def test_page_junk_one_finding_per_junk_stretch() -> None:
    text = "Troops advanced.\ntwitter.com/0JQ1fGyaPC\nSource: Aljazeera\nLeave a Reply"
    link = text.index("twitter")
    source = text.index("Source")
    reply = text.index("Leave")
    article = Article(
        text,
        excluded=(
            Excluded(Span(link, link + 22), "junk", "embed link"),
            Excluded(Span(source, source + 17), "declared_source", "declared source"),
            Excluded(Span(reply, len(text)), "junk", "comment form"),
        ),
    )
    findings = page_junk(annotate(article), Ledger())
    assert [(f.span.of(text), f.severity) for f in findings] == [
        ("twitter.com/0JQ1fGyaPC", Severity.MINOR),
        ("Leave a Reply", Severity.MINOR),
    ]
    assert "embed link" in findings[0].message and "comment form" in findings[1].message


def test_a_trade_written_as_one_word_is_english() -> None:
    from copydesk.checks.copy import is_english

    assert is_english("planemaker") and is_english("drugmakers") and is_english("chipmaker")
    assert not is_english("planemakr") and not is_english("xqzmaker")
