"""A finding against the source stands only when the fact is not in the article around it.

Each pair is written for this test: a faithful rewrite that moves a fact into the next
sentence, spells a name another way, names an employer, or stores the source hard-wrapped;
and beside it a real change, which is still reported and says where the fact was looked for.
"""

from __future__ import annotations

from copydesk.model import Finding, Severity
from copydesk.pipeline import check
from copydesk.read import read_text


def compare(source: str, article: str) -> list[Finding]:
    result = check(read_text(article, origin="article.txt"), read_text(source, origin="source.txt"))
    return [f for f in result.findings if f.kind != "source.unmatched"]


def majors(findings: list[Finding]) -> list[str]:
    return [f.kind for f in findings if f.severity is Severity.MAJOR]


HARBOUR = """Harbour officials in Valdora said on Tuesday that the ferry service would resume next \
week after repairs to the main pier were finished ahead of schedule.

The regional transport authority said the repairs had cost about 2 million euros and were paid \
for from an emergency fund set up after the storm in March.

Passengers have been using a temporary bus link between the two islands since the pier was \
damaged, the authority said.

Sergei Orlov, the port's deputy director, told reporters the first crossing was planned for \
Monday morning."""


def test_a_speaker_moved_to_the_next_sentence_is_not_dropped() -> None:
    article = HARBOUR.replace(
        "since the pier was damaged, the authority said.",
        "since the pier was damaged. That is according to the authority.",
    ).replace("about 2 million euros and were paid", "about 2 million euros. They were paid")
    assert majors(compare(HARBOUR, article)) == []


def test_a_speaker_left_out_altogether_is_still_dropped() -> None:
    article = HARBOUR.replace(
        "since the pier was damaged, the authority said.", "since the pier was damaged."
    )
    (found,) = [f for f in compare(HARBOUR, article) if f.kind == "source.speaker_dropped"]
    assert found.severity is Severity.MAJOR
    assert found.message.endswith(
        "The source's ‘the authority’ is not in this sentence or the two sentences around it."
    )


def test_one_name_transliterated_two_ways_is_one_speaker() -> None:
    article = HARBOUR.replace("Sergei Orlov", "Sergei Orloff")
    assert majors(compare(HARBOUR, article)) == []
    other = HARBOUR.replace("Sergei Orlov", "Pavel Morozov")
    assert "source.speaker_changed" in majors(compare(HARBOUR, other))


def test_a_title_naming_the_employer_is_the_same_title() -> None:
    source = (
        "CEO Jo Bell said the airline would add six routes next summer, and Deputy Mayor Ann "
        "Lee welcomed the plan for the city's airport."
    )
    article = source.replace("CEO Jo Bell", "Acme Airlines CEO Jo Bell").replace(
        "Deputy Mayor", "Mayor"
    )
    (found,) = [f for f in compare(source, article) if f.kind == "source.title_changed"]
    assert found.message == (
        "The article calls Ann Lee “Mayor”; the source says “Deputy Mayor”. The source's "
        "‘Deputy Mayor’ is not in this sentence."
    )


def test_a_noun_phrase_before_a_title_is_not_part_of_it() -> None:
    source = (
        "That is the outcome investors and President Ann Lee would most welcome, analysts "
        "said in a note to clients on Monday."
    )
    article = source.replace("outcome investors", "result traders")
    assert "source.title_changed" not in {f.kind for f in compare(source, article)}


def test_a_hard_wrapped_source_is_read_as_its_sentences() -> None:
    wrapped = """VALDORA, May 4 Harbour officials said on Tuesday that the ferry
service may resume next week after repairs to the main pier were
finished ahead of schedule, and that passengers had not been told
when the first crossing would leave.
    The regional transport authority said the repairs had cost about
2 million euros and were paid for from an emergency fund set up
after the storm in March."""
    article = " ".join(wrapped.split("\n")).replace("   ", "\n\n")
    assert compare(wrapped, article) == []


def test_house_style_inside_a_quotation_is_no_change() -> None:
    source = (
        'The inflation target is "4 per cent within a band of 2 per cent, while supporting '
        'growth," the central bank said in its statement.'
    )
    article = source.replace("2 per cent", "2 percent")
    assert compare(source, article) == []


def test_a_quotation_that_only_changes_an_article_is_minor() -> None:
    source = (
        '"We want the conflict to end as soon as possible," the foreign minister said on Sunday '
        "in a statement released after talks with both governments."
    )
    article = source.replace("the conflict", "this conflict")
    (found,) = compare(source, article)
    assert (found.kind, found.severity) == ("source.quote_altered", Severity.MINOR)
    assert found.message.startswith("The quotation reads “this” where the source has “the”.")


def test_an_apostrophe_typed_as_an_accent_keeps_the_negation() -> None:
    source = (
        "The goalkeeper played the final ten minutes of the game on Saturday but didn’t register "
        "a save before the home side scored twice."
    )
    article = source.replace("didn’t", "didn´t")
    assert majors(compare(source, article)) == []


def test_the_company_named_and_its_chief_executive_initialled_is_the_same_title() -> None:
    source = (
        "The company's chief executive Jane Roe said on Monday that sales had risen by 4% in "
        "the first quarter, helped by demand in Asia."
    )
    named = source.replace("The company's chief executive", "Acme Corp CEO")
    assert "source.title_changed" not in {f.kind for f in compare(source, named)}
    changed = source.replace("The company's chief executive", "Acme Corp CFO")
    assert "source.title_changed" in majors(compare(source, changed))


def test_abbreviations_with_or_without_stops_are_the_same_quotation() -> None:
    source = (
        "“Mr. Lee asked the U.N. to send observers to the region,” the spokesman said on "
        "Wednesday at a briefing in Geneva."
    )
    article = source.replace("Mr. Lee", "Mr Lee").replace("U.N.", "UN")
    assert compare(source, article) == []
