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


def test_a_quotation_opened_twice_in_a_paragraph() -> None:
    text = (
        "The harbour master spoke to reporters on Monday. “The ferry has not sailed for a week. "
        "“Three storms have closed the port since Sunday,” she said.\n"
    )
    f = _one(text, "spin.stray_quotes")
    assert f.span.of(text) == "“The ferry has not sailed for a week. “"
    assert f.severity.value == "minor"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation that runs on into the next paragraph reopens there by rule
        "“The ferry has not sailed for a week.\n“Three storms have closed the port,” she said.",
        # a closing mark set the wrong way round is not a second opening
        "She called the storms “very difficult,“ and said the port would reopen on Friday.",
        "“The port is closed,” she said. “It will reopen on Friday,” she added.",
    ],
)
def test_quotations_that_close_are_no_stray_quotes(text: str) -> None:
    assert not [f for f in _spin(text) if f.kind == "spin.stray_quotes"]


def test_a_count_of_us_in_the_reports_own_words() -> None:
    text = (
        "Rescuers said on Tuesday that 5 of us were trapped in the collapsed mine, and that "
        "crews had recovered 12 our bodies from the lower shaft.\n"
    )
    spans = [f.span.of(text) for f in _spin(text) if f.kind == "spin.tortured_phrase"]
    assert spans == ["5 of us", "12 our bodies"]


@pytest.mark.parametrize(
    "text",
    [
        "“Five of us were trapped for a day,” one of the miners told reporters on Tuesday.",
        "One of our correspondents reached the mine on Tuesday, where rescuers were digging.",
    ],
)
def test_counts_of_us_in_quotations_and_a_newsrooms_staff_pass(text: str) -> None:
    assert not [f for f in _spin(text) if f.kind == "spin.tortured_phrase"]


def test_an_age_with_old_swapped_for_a_synonym() -> None:
    text = (
        "Police said a 15-12 months-outdated boy was hurt on Friday near the harbour, and "
        "that a 42-year-old man, a 10-year-long dispute and a 3-week-old puppy were involved.\n"
    )
    f = _one(text, "spin.tortured_phrase")
    assert f.span.of(text) == "15-12 months-outdated"
    assert f.suggestion == "15-year-old"
    assert "AikSaurus lists ‘outdated’ under ‘old’" in f.message


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


# --- the spinner's swaps, read through the thesauri, WordNet and GeoNames ----------------------

COURT = (
    "A West Palm Seaside man was sentenced on Tuesday to 15 years in prison for a robbery "
    "outside Royal Palm Seaside High School, prosecutors said.\n\n"
    "Circuit Choose Jeffrey Gillen handed down the sentence after a two-day hearing in which "
    "the defence asked for a shorter term.\n"
)


def test_a_place_name_and_a_title_with_a_word_swapped() -> None:
    found = [f for f in _spin(COURT) if f.kind == "spin.corrupted_name"]
    assert [(f.span.of(COURT), f.suggestion) for f in found] == [
        ("West Palm Seaside", "West Palm Beach"),
        ("Royal Palm Seaside", "Royal Palm Beach"),
        ("Choose", "Judge"),
    ]
    assert "lists ‘seaside’ under ‘beach’" in found[0].message


def test_real_names_and_titles_are_left_alone() -> None:
    text = (
        "Prime Minister Mark Carney met Secretary of State Marco Rubio in West Palm Beach on "
        "Friday, and firefighters fought the White Rock Lake fire near Kelowna, officials "
        "said.\n"
    )
    assert not [f for f in _spin(text) if f.kind == "spin.corrupted_name"]


def test_a_fixed_phrase_with_a_word_swapped_names_the_phrase_and_the_thesaurus() -> None:
    text = (
        "Markets expect further charge cuts from the central bank this year, after inflation "
        "eased for a third month, economists said on Monday.\n"
    )
    f = _one(text, "spin.tortured_phrase")
    assert f.span.of(text) == "charge cuts" and f.suggestion == "tax cut"
    assert "LibreOffice's thesaurus lists ‘charge’ under ‘tax’" in f.message


def test_ordinary_phrases_are_no_tortured_phrase() -> None:
    text = (
        "Air strikes hit the port city on Sunday as state media reported peace talks would "
        "resume, and the central bank announced interest rate cuts, officials said.\n"
    )
    assert not [f for f in _spin(text) if f.kind == "spin.tortured_phrase"]


def test_said_swapped_throughout_is_a_profile() -> None:
    text = (
        "The mayor stated that the bridge would reopen in May. Engineers mentioned that the "
        "repairs had cost more than planned.\n\n"
        "A council spokesperson stated that the contractor would pay part of the bill, and "
        "residents advised that traffic had doubled on the side roads.\n"
    )
    found = [f for f in _spin(text) if f.kind == "spin.odd_reporting_verb"]
    assert [f.span.of(text) for f in found] == ["stated", "mentioned", "stated", "advised"]
    assert "4 statements" in found[0].message and found[0].suggestion == "said"
    one = text.replace("Engineers mentioned", "Engineers said").replace(
        "residents advised", "residents told"
    )
    assert not [f for f in _spin(one) if f.kind == "spin.odd_reporting_verb"]


def test_a_template_slot_left_unfilled() -> None:
    text = (
        "The Fed may cut rates by 50 basis points in (*50*) if hiring slows further, and "
        "{that a} second cut could follow early next year, analysts said.\n"
    )
    spans = [f.span.of(text) for f in _spin(text) if f.kind == "spin.garbled_text"]
    assert spans == ["(*50*)", "{that a}"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "The concert was sold-out within minutes of the tickets going on sale on Friday, the "
            "organisers said in a statement.\n"
        ),
        (
            "We have got increasing information on the damage, the regional governor told "
            "reporters on Tuesday after visiting the area.\n"
        ),
    ],
)
def test_english_that_spinners_do_not_make(text: str) -> None:
    assert _spin(text) == []


#: A wire story as agencies file it: a slug with an update tag, bullets, a dateline, lines
#: wrapped at 60 characters, a results table, a photo caption with its credit, and the
#: reporting credits.
WIRE = (
    "UPDATE 2-SOCCER-Harbour City beat Valdora to reach cup final\n"
    "* Harbour City win 3-1 at home\n"
    "* Final to be played on May 20\n"
    "\n"
    "VALDORA, May 4 (Reuters) - Harbour City beat Valdora 3-1\n"
    "on Saturday to reach the final of the national cup for the\n"
    "first time in 12 years, with striker Ana Reyes scoring twice\n"
    "in the second half.\n"
    '    "We were patient and it paid off," coach Tomas Berg told\n'
    'reporters after the match. "The players deserve this."\n'
    "    Valdora, who had won the last two meetings between the\n"
    "sides, took the lead through a penalty before the break but\n"
    "faded after Reyes equalised in the 52nd minute.\n"
    "\n"
    "Results on Saturday:\n"
    "Harbour City 3 Valdora 1\n"
    "Northport 0 Eastfield 2\n"
    "\n"
    "Players celebrate after the match in Harbour City, May 4. (Reuters Photo/Jo Roe)\n"
    "(Reporting by Jo Roe; Editing by Ann Lee)\n"
)


def test_wire_formats_raise_no_fingerprint() -> None:
    result = check(Article(WIRE))
    assert [f for f in result.findings if f.kind.startswith("spin.")] == []
    assert result.rewording.score == 0.0 and not result.rewording.likely


def test_the_rewording_verdict_says_whether_it_reaches_its_threshold() -> None:
    from copydesk.report.build import build_report

    spun = build_report(check(Article(COURT))).rewording
    wire = build_report(check(Article(WIRE))).rewording
    assert spun.threshold == wire.threshold == 0.5
    assert spun.likely and spun.score >= spun.threshold
    assert not wire.likely
