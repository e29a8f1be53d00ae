"""spin checks: the fingerprints of machine rewording, found without a source, and none on
clean copy. Every fixture is written for this test."""

from __future__ import annotations

import pytest

from copydesk.analysis import analyse
from copydesk.checks.verdict import rewording
from copydesk.model import Finding
from copydesk.pipeline import check
from copydesk.read.article import Article


def _spin(text: str) -> list[Finding]:
    return [f for f in check(Article(text)).findings if f.kind.startswith("spin.")]


def _one(text: str, kind: str) -> Finding:
    found = [f for f in _spin(text) if f.kind == kind]
    assert len(found) == 1, _spin(text)
    return found[0]


def test_sentence_and_name_in_lower_case() -> None:
    text = (
        "Mayor Anna Lind opened the new library on Monday.\n"
        "democratic councillor lars halvorsen said the city had waited years for it. The "
        "builders thanked Lars Halvorsen.\n"
    )
    found = [f for f in _spin(text) if f.kind == "spin.lowercase_name"]
    assert next(f.span.of(text) for f in found) == "democratic"
    assert found[-1].span.of(text) == "lars halvorsen"
    assert found[-1].suggestion == "Lars Halvorsen"


def test_nationality_in_lower_case() -> None:
    f = _one(
        "Talks between the two sides resumed in Geneva on Monday, where french officials "
        "hosted the meeting.",
        "spin.lowercase_name",
    )
    assert f.suggestion == "French"


def test_a_hard_wrapped_line_is_no_lower_case_start() -> None:
    text = (
        "The council said it would review the plan for the harbour\n"
        "and publish its findings in the spring, officials said.\n"
    )
    assert not [f for f in _spin(text) if f.kind == "spin.lowercase_name"]


def test_clauses_run_together_and_a_word_joined_to_itself() -> None:
    text = (
        "The minister spoke on Tuesday. senator kim It warned that trucks and trucks would be "
        "stopped at the border, officials said.\n"
    )
    spans = {f.span.of(text) for f in _spin(text) if f.kind == "spin.broken_sentence"}
    assert {"kim It", "trucks and trucks"} <= spans


def test_verbless_fragment_inside_a_paragraph() -> None:
    text = (
        "The ferry left the port at noon. Coast Guard Oslo harbour. boat above, carrying 40 "
        "passengers. It arrived two hours later.\n"
    )
    found = [f for f in _spin(text) if f.kind == "spin.broken_sentence"]
    assert any("no verb" in f.message for f in found)


def test_participle_error() -> None:
    f = _one("The board said the strike had began on Monday.", "spin.wrong_form")
    assert f.suggestion == "begun"


def test_phrasal_verb_a_thesaurus_made() -> None:
    f = _one(
        "The ministry on Friday performed down fears of a fuel shortage.", "spin.tortured_phrase"
    )
    assert "play down" in f.message
    assert f.span.of("The ministry on Friday performed down fears of a fuel shortage.") == (
        "performed down"
    )


def test_real_phrasal_verbs_are_english() -> None:
    assert not _spin("Officials played down fears and stripped out the costly clauses.")
    assert not _spin("The move will free up funds for schools, the mayor said.")


def test_inflected_verb_hyphened_to_its_particle() -> None:
    f = _one("The court thought-about the appeal for a week.", "spin.tortured_phrase")
    assert "think about" in f.message


def test_nationality_before_another_country() -> None:
    text = "Fighting continued in the Donbas region of Japanese Ukraine, officials said."
    f = _one(text, "spin.tortured_phrase")
    assert f.span.of(text) == "Japanese Ukraine"


def test_directive_verb_for_a_statement_to_reporters() -> None:
    f = _one(
        "“We will not resign,” the party leader instructed reporters on Monday.",
        "spin.odd_reporting_verb",
    )
    assert f.suggestion == "told"


def test_characters_lost_and_words_run_together() -> None:
    text = (
        "Officials in Tromso said the bridge will be?certified next month. Residents of "
        "Tromsoaccording to the council, must use the ferry.\n"
    )
    spans = {f.span.of(text) for f in _spin(text) if f.kind == "spin.garbled_text"}
    assert "be?certified" in spans
    assert "Tromsoaccording" in spans


def test_quotation_marks_glued_to_a_word() -> None:
    text = "The airline will then'start flying' the route in March, the company said."
    f = _one(text, "spin.stray_quotes")
    assert "start flying" in f.span.of(text)


def test_a_contraction_is_no_stray_quote() -> None:
    assert not _spin("The union said it wasn't 'a strike' but a protest, officials said.")


def test_editorial_words_and_update_tags() -> None:
    text = (
        "UPDATE: The storm tragically destroyed 40 homes, the agency said.\n"
        "“It was a tragically avoidable loss,” the mayor said.\n"
    )
    found = [f for f in _spin(text) if f.kind == "spin.editorial_word"]
    assert [f.span.of(text) for f in found] == ["UPDATE:", "tragically"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "The regional council said on Tuesday that it would close the bridge for repairs. "
            "Engineers had found cracks in two supports, the council said.\n"
        ),
        "“We did not want this strike,” union negotiator Pieter Bakker told reporters.\n",
        "LVIV (Reuters) - Ukrainian officials said the talks would resume in Istanbul.\n",
    ],
)
def test_clean_copy_has_no_fingerprint(text: str) -> None:
    assert not _spin(text)


def test_rewording_score_orders_reworded_above_clean() -> None:
    clean = (
        "The Kremlin on Wednesday played down hopes of a breakthrough after talks in Istanbul. "
        "“There is a lot of work to be done,” spokesman Dmitry Peskov told reporters.\n"
    )
    spun = (
        "The Kremlin on Wednesday performed down hopes of a breakthrough after talks in "
        "Istanbul. “There is a lot of work to be done,” spokesman Dmitry Peskov instructed "
        "reporters. Kyiv had began outlining its calls for in writing.\n"
    )
    r_clean = check(Article(clean))
    r_spun = check(Article(spun))
    clean_score = rewording(r_clean.analysed.doc, r_clean.findings)
    spun_score = rewording(r_spun.analysed.doc, r_spun.findings)
    assert clean_score.score == 0.0 and not clean_score.reasons
    assert spun_score.score > 0.5
    assert {r.kind for r in spun_score.reasons} >= {"spin.tortured_phrase", "spin.wrong_form"}
    assert spun_score.words == sum(
        1 for t in analyse(Article(spun)).doc.tokens if not t.is_space and not t.is_punct
    )


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The talks was held in Geneva on Monday, officials said.", "talks was"),
        ("He have said the plan would work, the minister's office said.", "He have"),
    ],
)
def test_a_verb_that_does_not_agree_with_its_subject(text: str, span: str) -> None:
    f = _one(text, "spin.wrong_form")
    assert f.span.of(text) == span


def test_agreement_after_a_modal_and_in_relative_clauses_is_english() -> None:
    assert not _spin("It would have cut costs, and the conditions Kyiv has set are clear.")
