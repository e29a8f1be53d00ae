"""The parse as plain data: where sentences begin."""

from __future__ import annotations

from copydesk.nlp.annotate import annotate
from copydesk.read.article import Article


def _sentences(text: str) -> list[str]:
    return [s.text for s in annotate(Article(text)).sentences]


def test_a_line_break_starts_a_sentence() -> None:
    # a headline and a subheading have no full stop, yet neither runs into the next line
    text = (
        "Council approves new budget for the city\n"
        "The council voted on Monday to approve the budget.\n"
        "What changes for residents\n"
        "Bus fares will stay the same, the mayor said."
    )
    assert _sentences(text) == text.split("\n")


def test_blank_lines_and_indents_start_no_sentence_of_their_own() -> None:
    text = "Floods hit the north\n\n\n   The river rose overnight.\n \nRoads were closed."
    assert _sentences(text) == [
        "Floods hit the north",
        "The river rose overnight.",
        "Roads were closed.",
    ]


def test_a_sentence_on_one_line_is_not_split_at_its_spaces() -> None:
    text = "The minister, who arrived late,   said the talks   would resume on Friday."
    assert _sentences(text) == [text]
