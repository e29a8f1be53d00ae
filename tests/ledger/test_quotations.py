"""Quotations and attributions: marks, speakers, cues and unmarked direct speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.ledger.model import Person, Quotation
from copydesk.ledger.quotations import extract_attributions, extract_quotations
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article


def _doc(text: str) -> Annotated:
    return annotate(Article(text))


def _quotes(text: str, people: tuple[Person, ...] = ()) -> dict[str, Quotation]:
    return {q.text: q for q in extract_quotations(_doc(text), people)}


def _person(text: str, name: str, *forms: str) -> Person:
    mentions = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            mentions.append(Span(start, start + len(form)))
            start = text.find(form, start + 1)
    return Person(name, tuple(sorted(mentions)), ())


@pytest.fixture(scope="module")
def seed_doc(seed_dir: Path) -> Annotated:
    return annotate(Article((seed_dir / "article.txt").read_text(encoding="utf-8")))


def test_seed_unmarked_direct_speech(seed_doc: Annotated) -> None:
    quotes = {q.text: q for q in extract_quotations(seed_doc, ())}
    road = quotes["No one wants an easy road"]
    assert not road.marked
    assert (road.speaker, road.cue) == ("Peskov", "tell")
    assert road.cue_span is not None and road.cue_span.of(seed_doc.text) == "told"


def test_seed_marked_quotations_and_their_speakers(seed_doc: Annotated) -> None:
    quotes = {q.text: q for q in extract_quotations(seed_doc, ())}
    assert quotes["miraclear breakthroughs"].marked
    empty = next(q for q in quotes.values() if q.text.startswith("people who have been held"))
    assert (empty.speaker, empty.cue) == (None, "according to")
    # a quotation on its own line, attributed by "However, he said," in the sentence before
    dialogue = next(q for q in quotes.values() if q.text.startswith("It’s likely just going"))
    assert (dialogue.speaker, dialogue.cue) == ("he", "say")
    # a quoted subheading is nobody's speech
    assert quotes["Keeping the conversation going"].speaker is None


def test_seed_attributions(seed_doc: Annotated) -> None:
    attributions = extract_attributions(seed_doc, ())
    according = [a for a in attributions if a.cue == "according to"]
    assert [a.speaker for a in according] == [
        "Kremlin spokesman Dmitry Peskov",
        "the source",
        None,
        "the dpa news agency",
    ]
    claims = [a for a in attributions if a.cue == "claim"]
    assert len(claims) == 6
    assert all(a.cue_span.of(seed_doc.text) == "claimed" for a in claims)
    assert all(a.content_span is not None for a in claims)


def test_speakers_resolve_to_people_and_pronouns_to_the_last_named_subject() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks would be hard. "
        "No one expects an easy road, Peskov told reporters. "
        "Kyiv mayor Vitali Klitschko, a former boxer, opened a shelter on Monday. "
        "“It will take months,” he said."
    )
    people = (
        _person(text, "Dmitry Peskov", "Dmitry Peskov", "Peskov"),
        _person(text, "Vitali Klitschko", "Vitali Klitschko"),
    )
    quotes = _quotes(text, people)
    assert quotes["No one expects an easy road"].speaker == "Dmitry Peskov"
    assert quotes["It will take months"].speaker == "Vitali Klitschko"
    # without people, the phrase is kept as written
    assert _quotes(text)["It will take months"].speaker == "he"


def test_quotation_marks_of_every_kind() -> None:
    text = (
        "The minister said: “Our message is ‘no surrender’ and we mean it.” "
        "'Everything depends on the other side,' a delegation source told AFP. "
        'Kyiv\'s envoy said the plan was "dead on arrival". '
        "Officials said the talks would be “very difficult,“ tempering hopes."
    )
    quotes = _quotes(text)
    outer = quotes["Our message is ‘no surrender’ and we mean it."]
    assert (outer.speaker, outer.cue) == ("The minister", "say")
    assert quotes["no surrender"].speaker is None  # nested: the minister quoting a slogan
    assert quotes["Everything depends on the other side"].speaker == "a delegation source"
    assert quotes["dead on arrival"].speaker == "Kyiv's envoy"
    assert quotes["very difficult"].speaker == "Officials"  # closed by a misused “
    assert all(q.marked for q in quotes.values())
    for q in quotes.values():
        assert q.span.of(text) == q.text


def test_quotation_attributed_in_the_next_sentence() -> None:
    text = (
        "The bridge has been shut since March.\n"
        "“We are ready to rebuild it within a year if the money arrives.” "
        "The mayor said the council would vote next week."
    )
    q = _quotes(text)["We are ready to rebuild it within a year if the money arrives."]
    assert (q.speaker, q.cue) == ("The mayor", "say")


def test_non_reporting_senses_are_not_attributions() -> None:
    text = (
        "The fire claimed the lives of three people. Two firefighters were admitted to "
        "hospital. The group claimed responsibility for the attack. Russia insists Ukraine "
        "withdraw from four regions it claims to have annexed."
    )
    assert extract_attributions(_doc(text), ()) == ()


def test_empty_speaker_slots_have_no_speaker() -> None:
    text = "“We will not back down,” said. The talks will go on, told reporters."
    attributions = extract_attributions(_doc(text), ())
    assert [(a.cue, a.speaker) for a in attributions] == [("say", None), ("tell", None)]


def test_colon_frames_and_quotations_over_several_paragraphs() -> None:
    text = (
        "The minister told parliament:\n"
        "“We will rebuild every school that was destroyed, and we will do it this year.\n"
        "“It will cost money, whatever the budget office says about the deficit.”"
    )
    quotes = extract_quotations(_doc(text), ())
    assert [(q.speaker, q.cue) for q in quotes] == [("The minister", "tell")] * 2
    # "says" inside the quotation is the minister's word, not an attribution
    assert [a.cue for a in extract_attributions(_doc(text), ())] == ["tell"]
