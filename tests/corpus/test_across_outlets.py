"""Quotations, figures and offices compared across independent outlets, on invented reports."""

from __future__ import annotations

from copydesk.analysis import analyse_many
from copydesk.corpus.corroborate import MISQUOTED_KIND, corroborate
from copydesk.corpus.model import ClaimVerdict, Corroboration, Verdict
from copydesk.read.article import Article

ARTICLE = (
    "Harbour talks stall in Leixoes\n"
    "Talks between the port authority and the fishermen's union ended without a deal on "
    "Thursday, the third failed round since the strike began.\n"
    "“We are not going to accept a plan that closes half the harbour,” union leader Rui "
    "Costa told reporters after the meeting.\n"
    "Port director Ana Ferreira said the authority had offered “generous compensation” and "
    "would keep talking.\n"
    "No “miraclous solutions” were expected. Ferreira had warned on Monday that the dispute "
    "could last for months.\n"
    "The strike, the first in more than six weeks, has kept about 300 boats in port along "
    "the 40 km coast.\n"
)

LUSA = (
    "LEIXOES (EFE) - Union members voted by a show of hands on Thursday evening to keep "
    "their trawlers tied up, hours after negotiators for the port walked out of a meeting "
    "at the harbour master's office.\n"
    "“We are not going to accept a plan that shuts half the harbour,” Rui Costa, who leads "
    "the union, said as he left the building.\n"
    "Ana Ferreira, the port director, said there would be no “miraculous solutions” and "
    "promised more meetings next week.\n"
    "Fish prices at the Matosinhos market rose sharply, traders said, in the first strike at "
    "the port in more than six weeks.\n"
)

GAZETTE = (
    "Union leader Rui Costa rejected the authority's offer for a second time, telling a "
    "crowd of fishermen outside the port offices that their jobs were at stake.\n"
    "“We are not going to accept a plan that shuts half the harbour. Not now, not ever,” "
    "Costa said to applause.\n"
    "Ana Ferreira, who has run the port since 2019, was not available for comment.\n"
)


def _judge(*coverage: Article, article: str = ARTICLE) -> tuple[str, Corroboration]:
    mine, *theirs = analyse_many(
        [Article(article, doc_id="article", outlet="Coast Today", published="2025-03-07")]
        + list(coverage)
    )
    return mine.doc.text, corroborate(mine, theirs)


def _lusa(text: str = LUSA) -> Article:
    return Article(text, doc_id="efe", outlet="Lusa Wire Desk", published="2025-03-06")


def _gazette(text: str = GAZETTE) -> Article:
    return Article(text, doc_id="gazette", outlet="Porto Gazette", published="2025-03-07")


def _verdict(result: Corroboration, text: str, words: str) -> ClaimVerdict:
    found = [v for v in result.verdicts if words in v.span.of(text)]
    assert found, [v.span.of(text) for v in result.verdicts]
    return found[0]


def test_a_changed_word_in_a_quotation_is_a_misquote_shown_in_each_outlets_words() -> None:
    text, result = _judge(_lusa(), _gazette())
    [f] = [f for f in result.findings if f.kind == MISQUOTED_KIND and "closes" in f.span.of(text)]
    assert f.span.of(text) == "closes"
    assert "Lusa Wire Desk" in f.message and "Porto Gazette" in f.message
    assert "'shuts' where the article has 'closes'" in f.message
    assert {ev.outlet for ev in f.evidence} == {"Lusa Wire Desk", "Porto Gazette"}
    for ev in f.evidence:
        source = LUSA if ev.outlet == "Lusa Wire Desk" else GAZETTE
        assert ev.span.of(source) == ev.text
        assert [m.of(source) for m in ev.marks] == ["shuts"]
    v = _verdict(result, text, "We are not going")
    assert (v.verdict, v.agree, v.disagree) == (Verdict.CONTRADICTED, 0, 2)


def test_a_misspelt_short_quotation_is_a_misquote_when_its_speaker_is_named_next() -> None:
    text, result = _judge(_lusa())
    [f] = [f for f in result.findings if f.span.of(text) == "miraclous"]
    assert f.kind == MISQUOTED_KIND
    assert "'miraculous' where the article has 'miraclous'" in f.message


def test_the_same_words_from_any_independent_outlet_verify_a_quotation() -> None:
    exact = LUSA.replace("shuts half the harbour", "closes half the harbour")
    text, result = _judge(_lusa(exact), _gazette())
    v = _verdict(result, text, "We are not going")
    assert v.verdict is Verdict.CORROBORATED
    assert not [f for f in result.findings if "closes" in f.span.of(text)]


def test_a_quotation_given_to_another_speaker_is_not_compared_word_by_word() -> None:
    other = GAZETTE.replace("Costa said to applause", "Ferreira said in reply")
    other = other.replace("Union leader Rui Costa rejected", "The union rejected")
    _text, result = _judge(_gazette(other))
    assert not [f for f in result.findings if f.kind == MISQUOTED_KIND]


def test_a_shorter_quotation_of_the_same_words_is_no_misquote() -> None:
    part = (
        "Rui Costa, the union leader, said: “We are not going to accept a plan.” "
        "He did not say what the union would accept instead.\n"
    )
    _text, result = _judge(_gazette(part))
    assert not [f for f in result.findings if f.kind == MISQUOTED_KIND]


def test_the_same_figure_in_the_same_unit_is_corroborated() -> None:
    _text, result = _judge(_lusa())
    [v] = [v for v in result.verdicts if v.kind == "quantity" and "six weeks" in v.claim]
    assert v.verdict is Verdict.CORROBORATED
    assert "Lusa Wire Desk" in v.reason


def test_copies_of_one_wire_count_once() -> None:
    carried = Article(
        LUSA.replace("LEIXOES (EFE) - ", ""),
        doc_id="carrier",
        outlet="Atlantic Daily",
        url="https://atlanticdaily.example/leixoes",
        published="2025-03-06",
        wire="EFE",
    )
    text, result = _judge(_lusa(), carried, _gazette())
    assert sorted(f.label for f in result.families) == ["EFE", "Porto Gazette"]
    v = _verdict(result, text, "We are not going")
    assert v.disagree == 2
    f = next(f for f in result.findings if f.kind == MISQUOTED_KIND and "closes" in f.span.of(text))
    assert "(2 independent reports)" in f.message


def test_an_office_is_compared_only_with_coverage_of_the_same_period() -> None:
    article = (
        "Portugal's fisheries minister Ana Ferreira met union leaders in Leixoes on Thursday to "
        "discuss the "
        "strike, which has kept hundreds of boats in the harbour for a week.\n"
        "The talks ended without agreement, and both sides said they would meet again.\n"
    )
    old = (
        "Portugal's fisheries minister Miguel Santos opened the new fish market in Leixoes on "
        "Friday, saying "
        "the harbour had never been busier.\n"
        "The market cost more than the city had planned and took two years to build.\n"
    )
    for published, contradicted in (("2021-05-14", False), ("2025-03-01", True)):
        _text, result = _judge(
            Article(old, doc_id="old", outlet="Porto Gazette", published=published),
            article=article,
        )
        [v] = [v for v in result.verdicts if v.kind == "role"]
        assert (v.verdict is Verdict.CONTRADICTED) is contradicted, (published, v)


def test_a_figure_in_other_units_is_the_same_figure_and_another_value_contradicts() -> None:
    article = (
        "Russian forces pressed their offensive along the 1,000 km front line on Wednesday, "
        "the defence ministry in Kyiv said, as talks resumed in Istanbul.\n"
        "Officials said the fighting was heaviest near the northern border.\n"
    )
    miles = (
        "Fighting raged along the 620-mile front line on Wednesday, with Russian forces "
        "pressing their offensive in the east, Ukraine's military said.\n"
    )
    other = miles.replace("620-mile", "800-mile")
    for coverage, verdict in ((miles, Verdict.CORROBORATED), (other, Verdict.CONTRADICTED)):
        _text, result = _judge(
            Article(coverage, doc_id="wire", outlet="Kyiv Wire", published="2025-03-07"),
            article=article,
        )
        [v] = [v for v in result.verdicts if v.kind == "quantity" and "1,000" in v.claim]
        assert v.verdict is verdict, (coverage, v)


def test_words_given_to_a_government_are_compared_with_its_spokespersons() -> None:
    article = (
        "Portugal and Spain failed to agree new fishing quotas at talks in Vigo on Thursday.\n"
        "“We will not sign any deal that divides the northern fishing grounds,” Lisbon said "
        "in a statement after the meeting.\n"
    )
    coverage = (
        "Portuguese government spokesperson Ana Ferreira said on Thursday: “We will not sign "
        "any deal that splits the northern fishing grounds.” Spanish officials did not comment.\n"
        "The talks in Vigo were the second round this year.\n"
    )
    text, result = _judge(
        Article(coverage, doc_id="wire", outlet="Iberia Wire", published="2025-03-07"),
        article=article,
    )
    [f] = [f for f in result.findings if f.kind == MISQUOTED_KIND]
    assert f.span.of(text) == "divides"
    assert "'splits' where the article has 'divides'" in f.message
