"""The source diff: what changed in meaning between aligned article and source sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.analysis import Analysed, analyse
from copydesk.model import Finding
from copydesk.read.article import Article
from copydesk.source.diff import diff_pair


def _analysed(text: str, doc_id: str) -> Analysed:
    return analyse(Article(text, doc_id=doc_id))


def redline(source: str, article: str, **kwargs: object) -> list[Finding]:
    """Diff a one-paragraph article against a one-paragraph source, all sentences aligned."""
    a, s = _analysed(article, "article"), _analysed(source, "source")
    return diff_pair(
        a,
        tuple(range(len(a.doc.sentences))),
        s,
        tuple(range(len(s.doc.sentences))),
        **kwargs,  # type: ignore[arg-type]
    )


def kinds(findings: list[Finding]) -> set[str]:
    return {f.kind for f in findings}


def only(findings: list[Finding], kind: str) -> Finding:
    hits = [f for f in findings if f.kind == kind]
    assert len(hits) == 1, findings
    return hits[0]


def span_text(article: str, f: Finding) -> str:
    return f.span.of(article)


# --- each kind fires on a change, and not on a rewording that keeps the meaning -----------------

ROLES = "Anna Berg will lead Norway’s delegation, while Lars Holm will lead Sweden’s delegation."


def test_role_swap_fires_when_two_people_exchange_sides() -> None:
    article = (
        "Lars Holm will lead Norway’s delegation, while Anna Berg will lead Sweden’s delegation."
    )
    found = redline(ROLES, article)
    swaps = [f for f in found if f.kind == "source.role_swap"]
    assert len(swaps) == 2
    assert {span_text(article, f) for f in swaps} == {
        "lead Norway’s delegation",
        "lead Sweden’s delegation",
    }
    assert all(f.evidence and f.evidence[0].doc_id == "source" for f in swaps)
    assert "Holm" in swaps[0].message


def test_role_swap_silent_on_passive_rewording() -> None:
    article = (
        "Norway’s delegation will be led by Anna Berg, while Sweden’s delegation will be "
        "led by Lars Holm."
    )
    assert redline(ROLES, article) == []


def test_agent_inverted_fires_on_swapped_subject_and_object() -> None:
    found = redline("The unions criticised the plan.", "The plan criticised the unions.")
    f = only(found, "source.agent_inverted")
    assert f.evidence[0].text == "The unions criticised the plan"


def test_agent_inverted_fires_when_the_accuser_becomes_the_accused() -> None:
    source = "Ukraine accused Moscow of stalling the talks."
    for article in (
        "Russia accused Ukraine of stalling the talks.",
        "Moscow accused Ukraine of stalling the talks.",
    ):
        f = only(redline(source, article), "source.agent_inverted")
        assert span_text(article, f).endswith("accused Ukraine")


def test_agent_inverted_silent_on_passive_voice() -> None:
    assert (
        redline("The unions criticised the plan.", "The plan was criticised by the unions.") == []
    )


def test_quote_altered_reports_the_changed_word_with_both_spans() -> None:
    source = "“No one expects an easy road,” the spokesman told reporters."
    article = "“No one wants an easy road,” the spokesman told reporters."
    f = only(redline(source, article), "source.quote_altered")
    assert span_text(article, f) == "wants"
    assert f.evidence[0].text == "expects"
    assert f.evidence[0].span.of(source) == "expects"
    assert f.suggestion == "expects"


def test_quote_altered_ignores_quote_mark_style_and_case() -> None:
    source = "The minister ruled out ‘miraculous breakthroughs’ this week."
    assert redline(source, 'The minister ruled out "Miraculous Breakthroughs" this week.') == []
    found = redline(source, "The minister ruled out “miraclear breakthroughs” this week.")
    assert (
        span_text(
            "The minister ruled out “miraclear breakthroughs” this week.",
            only(found, "source.quote_altered"),
        )
        == "miraclear"
    )


def test_quote_unmarked_fires_when_the_marks_are_dropped() -> None:
    source = "“We will rebuild every school,” the mayor said on Monday."
    article = "We will rebuild every school, the mayor said on Monday."
    found = redline(source, article)
    assert kinds(found) == {"source.quote_unmarked"}
    assert span_text(article, found[0]) == "We will rebuild every school"


def test_partial_quotation_is_not_an_alteration() -> None:
    source = "“We will rebuild every school in the district,” the mayor said on Monday."
    article = "The mayor said on Monday that the city would “rebuild every school”."
    assert "source.quote_altered" not in kinds(redline(source, article))


def test_quote_rescoped_fires_when_the_quotation_is_applied_to_something_else() -> None:
    source = (
        "The minister said there was no reason “to expect quick results”, saying such an "
        "outcome was “very unlikely”."
    )
    article = "The minister said it was “very unlikely” to expect quick results."
    f = only(redline(source, article), "source.quote_rescoped")
    assert "very unlikely" in span_text(article, f)
    assert "outcome" in f.evidence[0].text


def test_quote_rescoped_silent_when_the_quotation_keeps_its_subject() -> None:
    source = "The minister said such an outcome was “very unlikely”."
    article = "Such an outcome was “very unlikely”, the minister said."
    assert redline(source, article) == []


def test_speaker_dropped_fires_when_the_attribution_goes() -> None:
    source = "The bridge will reopen in May, Mayor Ana Silva said."
    article = "The bridge will reopen in May."
    f = only(redline(source, article), "source.speaker_dropped")
    assert "Ana Silva" in f.message
    assert "Silva" in f.evidence[0].text


@pytest.mark.parametrize(
    ("source", "article"),
    [
        (
            "The company rejected the charge, saying the report was wrong.",
            "The company rejects the charge and says the report was wrong.",
        ),
        (
            "The ministry denied the report, saying it was false.",
            "The ministry denies the report and says it is false.",
        ),
        (
            "Peskov rejected the claim, saying it was baseless.",
            "Peskov rejects the claim and says it is baseless.",
        ),
        (
            "Legal experts said the fine was unusually large.",
            "The fine was unusually large, legal experts said.",
        ),
        (
            "Legal experts said the ruling was flawed. The ministry said it would appeal.",
            "The ruling was flawed, legal experts said. The ministry will appeal, it said.",
        ),
        (
            "The company rejected the charge, saying it had followed the rules.",
            "The company rejected the charge. It said it had followed the rules.",
        ),
    ],
)
def test_speaker_dropped_silent_when_the_article_still_names_the_speaker(
    source: str, article: str
) -> None:
    assert "source.speaker_dropped" not in kinds(redline(source, article))


def test_speaker_dropped_fires_when_a_joined_report_loses_its_speaker() -> None:
    source = "The company rejected the charge, saying the report was wrong."
    article = "The charge is rejected and the report was wrong, it is said."
    f = only(redline(source, article), "source.speaker_dropped")
    assert "company" in f.message


def test_speaker_changed_fires_on_another_name_not_on_a_pronoun() -> None:
    source = "The bridge will reopen in May, Mayor Ana Silva said."
    article = "The bridge will reopen in May, Governor Tom Reyes said."
    f = only(redline(source, article), "source.speaker_changed")
    assert span_text(article, f) == "Tom Reyes"
    assert redline(source, "Mayor Ana Silva said the bridge will reopen in May.") == []


def test_number_changed_fires_with_the_source_figure_as_suggestion() -> None:
    source = "The storm cut power to 12,000 homes in the region."
    article = "The storm cut power to 120,000 homes in the region."
    f = only(redline(source, article), "source.number_changed")
    assert span_text(article, f).startswith("120,000")
    assert f.suggestion is not None and f.suggestion.startswith("12,000")


@pytest.mark.parametrize(
    ("source", "article", "changed", "was"),
    [
        (
            "The review of the trade pact is due to begin in 2026.",
            "The review of the trade pact is due to begin in 2025.",
            "2025",
            "2026",
        ),
        (
            "The talks, the third round in recent months, will be held on Wednesday.",
            "The talks, the fourth round in recent months, will be held on Wednesday.",
            "fourth",
            "third",
        ),
    ],
)
def test_number_changed_on_a_year_and_an_ordinal(
    source: str, article: str, changed: str, was: str
) -> None:
    f = only(redline(source, article), "source.number_changed")
    assert span_text(article, f) == changed
    assert f.suggestion == was


def test_a_rank_is_not_compared_with_a_count() -> None:
    source = "For the first time, the talks covered four regions."
    article = "The talks covered four regions and two ports."
    assert "source.number_changed" not in kinds(redline(source, article))


def test_number_written_differently_is_not_a_change() -> None:
    source = "Troops advanced along the 1,000 km front line over seven weeks."
    for article in (
        "Troops advanced along the 1,000 kilometres front line over seven weeks.",
        "Troops advanced along the 1, 000km front line over 7 weeks.",
    ):
        assert "source.number_changed" not in kinds(redline(source, article)), article


def test_negation_flipped_fires_when_not_is_added() -> None:
    source = "The government will raise taxes next year, the minister said."
    article = "The government will not raise taxes next year, the minister said."
    f = only(redline(source, article), "source.negation_flipped")
    assert "not raise" in span_text(article, f)
    assert redline(source, "Next year the government will raise taxes, the minister said.") == []


@pytest.mark.parametrize(
    ("source", "article", "shown"),
    [
        (
            "Kyiv is ready to take significant steps towards peace, the source added.",
            "Kyiv is not ready to take significant steps towards peace, the source added.",
            "is not ready to take",
        ),
        (
            "More than 4,000 dockworkers walked out at the port on Monday, the union said.",
            "More than 4,000 dockworkers did not walk out at the port on Monday, the union said.",
            "did not walk",
        ),
        (
            "The operators failed to reach a deal with the union.",
            "The operators reached a deal with the union.",
            "reached",
        ),
    ],
)
def test_negation_flipped_through_a_copula_a_particle_and_failed_to(
    source: str, article: str, shown: str
) -> None:
    f = only(redline(source, article), "source.negation_flipped")
    assert span_text(article, f) == shown


def test_negation_kept_through_a_copula_is_not_a_change() -> None:
    source = "Kyiv is not ready to take significant steps towards peace, the source added."
    article = "Kyiv is not prepared to take significant steps towards peace, the source added."
    assert "source.negation_flipped" not in kinds(redline(source, article))


def test_hedge_removed_fires_on_could_and_is_expected_to() -> None:
    found = redline(
        "The strike could delay shipments across the region.",
        "The strike will delay shipments across the region.",
    )
    assert kinds(found) == {"source.hedge_removed"}
    found = redline(
        "The minister is expected to attend the summit in Paris.",
        "The minister will attend the summit in Paris.",
    )
    assert kinds(found) == {"source.hedge_removed"}
    assert (
        redline(
            "The strike could delay shipments across the region.",
            "The strike might delay shipments across the region.",
        )
        == []
    )


def test_attribution_verb_changed_fires_on_claimed_not_on_told_reporters() -> None:
    source = "Prices will fall in the spring, Finance Minister Eva Lind said."
    article = "Prices will fall in the spring, Finance Minister Eva Lind claimed."
    f = only(redline(source, article), "source.attribution_verb_changed")
    assert span_text(article, f) == "claimed"
    assert f.suggestion == "said"
    assert (
        redline(source, "Prices will fall in the spring, Finance Minister Eva Lind told reporters.")
        == []
    )


def test_attribution_verb_changed_fires_when_the_hearer_follows_the_verb() -> None:
    source = "The talks will start on Monday, Peskov said to reporters in Moscow."
    article = "The talks will start on Monday, Peskov claimed to reporters in Moscow."
    f = only(redline(source, article), "source.attribution_verb_changed")
    assert span_text(article, f) == "claimed"


def test_title_changed_fires_on_a_portfolio_and_a_dropped_former() -> None:
    source = "Defence Minister Ola Strand said the exercise would go ahead."
    article = "Foreign Minister Ola Strand said the exercise would go ahead."
    f = only(redline(source, article), "source.title_changed")
    assert span_text(article, f) == "Foreign Minister"
    assert f.suggestion == "Defence Minister"
    source = "Ola Strand, a former defence minister, said the exercise would go ahead."
    article = "Ola Strand, a defence minister, said the exercise would go ahead."
    assert kinds(redline(source, article)) == {"source.title_changed"}


def test_title_former_read_across_a_coordination_is_not_a_change() -> None:
    source = "Lena Ward, a trade adviser and former finance minister, will attend the talks."
    article = "Lena Ward, a former finance minister and trade adviser, will attend the talks."
    assert "source.title_changed" not in kinds(redline(source, article))


def test_title_changed_names_the_person_not_the_title() -> None:
    source = "Kremlin spokesperson Dmitry Peskov said the talks would start on Monday."
    article = "Kremlin adviser Dmitry Peskov said the talks would start on Monday."
    f = only(redline(source, article), "source.title_changed")
    assert f.message.startswith("The article calls Dmitry Peskov “")
    assert span_text(article, f) == "Kremlin adviser"


def test_title_spelling_variant_is_not_a_change() -> None:
    source = "Ola Strand, a former defence minister, said the exercise would go ahead."
    article = "Ola Strand, a former defense minister, said the exercise would go ahead."
    assert redline(source, article) == []


def test_entailment_scorer_can_dismiss_a_parse_inferred_finding() -> None:
    source, article = "The unions criticised the plan.", "The plan criticised the unions."
    seen: list[tuple[str, str]] = []

    def sure_it_entails(premise: str, hypothesis: str) -> float:
        seen.append((premise, hypothesis))
        return 0.99

    assert redline(source, article, entailment=sure_it_entails) == []
    assert seen == [(source, article)]
    kept = redline(source, article, entailment=lambda p, h: 0.02)
    assert kinds(kept) == {"source.agent_inverted"}


# --- the seed case ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> tuple[Analysed, Analysed]:
    article = _analysed((seed_dir / "article.txt").read_text(encoding="utf-8"), "article")
    source = _analysed((seed_dir / "source.txt").read_text(encoding="utf-8"), "source")
    return article, source


def _pair(seed: tuple[Analysed, Analysed], in_article: str, in_source: str) -> list[Finding]:
    article, source = seed
    a = next(s.index for s in article.doc.sentences if in_article in s.text)
    s = next(s.index for s in source.doc.sentences if in_source in s.text)
    return diff_pair(article, (a,), source, (s,))


def test_seed_roles_swapped(seed: tuple[Analysed, Analysed]) -> None:
    found = _pair(seed, "Vladimir Medinsky, a former culture", "Rustem Umerov, a former defence")
    text = seed[0].doc.text
    swaps = [f for f in found if f.kind == "source.role_swap"]
    assert {f.span.of(text) for f in swaps} == {
        "lead Kyiv’s delegation",
        "the head of Russia’s delegation",
    }
    assert all(e.doc_id == "source" for f in swaps for e in f.evidence)
    assert "source.title_changed" not in kinds(found)


def test_seed_quotation_altered_and_unmarked(seed: tuple[Analysed, Analysed]) -> None:
    found = _pair(seed, "No one wants an easy road", "No one expects an easy road")
    text = seed[0].doc.text
    assert kinds(found) == {"source.quote_altered", "source.quote_unmarked"}
    altered = only(found, "source.quote_altered")
    assert altered.span.of(text) == "wants"
    assert altered.evidence[0].text == "expects"
    assert only(found, "source.quote_unmarked").span.of(text) == "No one wants an easy road"


def test_seed_miraculous_became_miraclear(seed: tuple[Analysed, Analysed]) -> None:
    found = _pair(seed, "miraclear breakthroughs", "No ‘miraculous breakthroughs’")
    f = only(found, "source.quote_altered")
    assert f.span.of(seed[0].doc.text) == "miraclear"
    assert f.evidence[0].text == "miraculous"


def test_seed_hardly_possible_rescoped(seed: tuple[Analysed, Analysed]) -> None:
    found = _pair(seed, "it was “hardly possible”", "no reason “to hope")
    f = only(found, "source.quote_rescoped")
    assert "hardly possible" in f.span.of(seed[0].doc.text)
    assert "outcome" in f.evidence[0].text
