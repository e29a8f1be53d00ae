"""attribution checks: empty speakers, unattributed quotations and loaded reporting verbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks import Check
from copydesk.checks.attribution import (
    empty_speakers,
    loaded_verb_pattern,
    loaded_verbs,
    unattributed_quotes,
)
from copydesk.ledger.model import Ledger
from copydesk.ledger.quotations import extract_attributions, extract_quotations
from copydesk.model import Finding, Severity
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article

CHECKS = [empty_speakers, unattributed_quotes, loaded_verbs, loaded_verb_pattern]


def _ledger(doc: Annotated) -> Ledger:
    return Ledger(
        quotations=extract_quotations(doc, ()), attributions=extract_attributions(doc, ())
    )


def _run(check: Check, text: str) -> list[Finding]:
    doc = annotate(Article(text))
    return check(doc, _ledger(doc))


def _spans(findings: list[Finding], text: str) -> list[str]:
    return [f.span.of(text) for f in findings]


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> tuple[Annotated, Ledger]:
    doc = annotate(Article((seed_dir / "article.txt").read_text(encoding="utf-8")))
    return doc, _ledger(doc)


@pytest.fixture(scope="module")
def coverage(seed_dir: Path) -> list[tuple[Annotated, Ledger]]:
    docs = [
        annotate(Article(p.read_text(encoding="utf-8")))
        for p in sorted((seed_dir / "coverage").glob("*.txt"))
    ]
    return [(d, _ledger(d)) for d in docs]


def test_seed_empty_speaker(seed: tuple[Annotated, Ledger]) -> None:
    doc, ledger = seed
    (f,) = empty_speakers(doc, ledger)
    assert f.span.of(doc.text) == "According to \u00a0,"
    assert f.kind == "attribution.empty_speaker" and f.severity is Severity.MAJOR


def test_seed_loaded_verbs_and_pattern(seed: tuple[Annotated, Ledger]) -> None:
    doc, ledger = seed
    findings = loaded_verbs(doc, ledger)
    assert _spans(findings, doc.text) == ["claimed"] * 6
    assert {f.suggestion for f in findings} == {"said"}
    assert findings[1].span.start == doc.text.index("He claimed that Ukraine") + 3
    (pattern,) = loaded_verb_pattern(doc, ledger)
    assert pattern.kind == "attribution.loaded_verb_pattern"
    assert pattern.span == findings[0].span
    assert "6 times" in pattern.message


def test_seed_quotations_are_all_attributed(seed: tuple[Annotated, Ledger]) -> None:
    doc, ledger = seed
    assert unattributed_quotes(doc, ledger) == []


def test_coverage_texts(coverage: list[tuple[Annotated, Ledger]]) -> None:
    found = [
        (f.kind, f.span.of(doc.text))
        for doc, ledger in coverage
        for c in CHECKS
        for f in c(doc, ledger)
    ]
    assert not [k for k, _ in found if k == "attribution.empty_speaker"]
    # the only call a copy editor might make: AFP's "Moscow insists" (theSun)
    assert found == [("attribution.loaded_verb", "insists")]


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("According to  , the ceasefire will hold.", "According to  ,"),
        ("The ceasefire will hold, according to .", "according to ."),
        ("“We will not back down,” said. The minister left the room.", "said."),
        ("The talks will go on next week, told reporters.", "told reporters."),
    ],
)
def test_empty_speaker_must_fire(text: str, slot: str) -> None:
    assert _spans(_run(empty_speakers, text), text) == [slot]


@pytest.mark.parametrize(
    "text",
    [
        "According to the ministry, the ceasefire will hold.",
        "“We will not back down,” said Smith. The minister left the room.",
        "The talks will go on next week, the minister told reporters.",
        "The minister arrived and told reporters the talks would go on.",
        "He said , the talks would go on.",
    ],
)
def test_empty_speaker_near_misses(text: str) -> None:
    assert _run(empty_speakers, text) == []


def test_unattributed_quote_must_fire() -> None:
    text = (
        "The bridge has been shut since March.\n"
        "“We are ready to rebuild it within a year if the money arrives.”\n"
        "The council meets on Friday."
    )
    (f,) = _run(unattributed_quotes, text)
    assert f.span.of(text) == "We are ready to rebuild it within a year if the money arrives."
    assert f.severity is Severity.MINOR


@pytest.mark.parametrize(
    "text",
    [
        # attributed in the next sentence
        (
            "The bridge has been shut since March.\n“We are ready to rebuild it within a year "
            "if the money arrives.” The mayor said the council would vote next week."
        ),
        # attributed in the sentence before
        (
            "The mayor spoke after the vote. However, she said, “it will take time.”\n"
            "“We are ready to rebuild it within a year if the money arrives.”"
        ),
        # a quoted subheading
        "The council voted on Tuesday.\n“Keeping the city moving”\nRoads reopened on Friday.",
        # scare quotes and quoted terms
        "Critics called the plan a “vanity project” and its budget “a lot of money”.",
        # reporting verbs beyond "said": recalled, observed, recounted
        (
            "The club won the title on Saturday. “There is nothing won yet and we will stay "
            "humble,” recalled Valeria Tanaka, the head coach."
        ),
        "“The water came up faster than anyone expected,” observed one resident, Ana Ruiz.",
    ],
)
def test_unattributed_quote_near_misses(text: str) -> None:
    assert _run(unattributed_quotes, text) == []


def test_loaded_verbs_must_fire_with_the_neutral_form() -> None:
    text = (
        "The minister claimed that the talks had failed. She admitted that mistakes were "
        "made. The general insists the plan will work. The mayor conceded that the budget "
        "was late. Police alleged that he had fled."
    )
    findings = _run(loaded_verbs, text)
    assert [(f.span.of(text), f.suggestion) for f in findings] == [
        ("claimed", "said"),
        ("admitted", "said"),
        ("insists", "says"),
        ("conceded", "said"),
        ("alleged", "said"),
    ]


def test_loaded_verb_near_misses() -> None:
    text = (
        "The fire claimed the lives of three people. Two firefighters were admitted to "
        "hospital. The group claimed responsibility for the attack. Russia insists Ukraine "
        "withdraw from four regions it claims to have annexed."
    )
    assert _run(loaded_verbs, text) == []


def test_pattern_counts_said_in_all_its_forms() -> None:
    claims = (
        "The minister claimed that the talks had failed. The envoy claimed that the draft "
        "was ready. The general claimed that the front was calm. "
    )
    few_said = claims + "The mayor said the roads were open. "
    assert len(_run(loaded_verb_pattern, few_said)) == 1
    many_said = claims + (
        "The mayor says the bridge will reopen. Officials said it was safe. Saying the "
        "repairs were done, the engineer told reporters the road was clear. He added that "
        "traffic would resume. The police chief stated that patrols would continue. "
        "The governor noted that schools had reopened."
    )
    assert _run(loaded_verb_pattern, many_said) == []
    assert len(_run(loaded_verbs, many_said)) == 3
