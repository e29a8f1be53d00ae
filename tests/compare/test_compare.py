"""`compare`: every article sentence labelled against its source, with the findings a copy editor
acts on; on the seed case, the recovered part aligned and the rest reported as unmatched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from copydesk.analysis import Analysed, analyse
from copydesk.model import Severity
from copydesk.pipeline import check
from copydesk.read import read_file
from copydesk.read.article import Article
from copydesk.source import (
    UNMATCHED_MESSAGE,
    Comparison,
    Label,
    VectorsAhead,
    compare,
    embed_ahead,
    embed_likely,
)
from copydesk.source.align import body_units, likely_body_texts
from copydesk.source.embed import EMBEDDINGS_ENV

SOURCE = (
    "Wildfire forces evacuation of 3,000 residents near Karvale\n"
    "About 3,000 residents were ordered to leave their homes near Karvale on Sunday as a "
    "wildfire spread across 1,200 hectares of forest, the regional fire service said.\n"
    "Fire chief Maria Holm said crews had not yet contained the blaze.\n"
    "“We expect the wind to turn tonight, which could help us,” Holm told reporters.\n"
    "Two firefighters were treated in hospital for smoke inhalation.\n"
    "The cause of the fire is under investigation.\n"
)

ARTICLE = (
    "The regional fire service said about 3,000 people near Karvale were told to leave their "
    "homes on Sunday as a wildfire spread across 1,200 hectares of forest.\n"
    "Fire chief Maria Holm said crews had contained the blaze.\n"
    "“We expect the wind to turn tonight, which could help us,” Holm told reporters.\n"
    "Five firefighters were treated in hospital for smoke inhalation.\n"
    "Residents have criticised the slow response of the authorities.\n"
)


@pytest.fixture(scope="module")
def wildfire(analyse_text: Callable[[str], Analysed]) -> tuple[Analysed, Analysed, Comparison]:
    from copydesk.analysis import analyse

    article = analyse_text(ARTICLE)
    source = analyse(Article(SOURCE, doc_id="source"))
    return article, source, compare(article, source)


def _line(text: str, starts: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(starts))


def test_each_article_sentence_is_labelled(wildfire: tuple[Analysed, Analysed, Comparison]) -> None:
    _, _, comparison = wildfire
    assert [(p.article_span.of(ARTICLE)[:20], p.label) for p in comparison.pairs] == [
        ("The regional fire se", Label.PARAPHRASE),
        ("Fire chief Maria Hol", Label.CHANGED),
        ("“We expect the wind ", Label.VERBATIM),
        ("Five firefighters we", Label.CHANGED),
        ("Residents have criti", Label.ADDED),
    ]


def test_changed_sentences_carry_findings_citing_the_source(
    wildfire: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = wildfire
    by_kind = {f.kind: f for f in comparison.findings}
    flipped = by_kind["source.negation_flipped"]
    assert flipped.span.of(ARTICLE) == "had contained"
    (evidence,) = flipped.evidence
    assert evidence.doc_id == "source" and evidence.span.of(SOURCE) == "had not yet contained"
    number = by_kind["source.number_changed"]
    assert number.span.of(ARTICLE) == "Five"
    assert [e.span.of(SOURCE) for e in number.evidence] == ["Two"]


def test_a_sentence_with_no_source_is_added_with_one_unmatched_finding(
    wildfire: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = wildfire
    added = comparison.pairs[-1]
    assert added.source_sentences == () and added.source_spans == ()
    on_it = [f for f in comparison.findings if added.article_span.contains(f.span)]
    assert len(on_it) == 1
    (finding,) = on_it
    assert finding.kind == "source.unmatched"
    assert finding.severity is Severity.INFO
    assert finding.message == UNMATCHED_MESSAGE
    assert finding.span.of(ARTICLE) == _line(ARTICLE, "Residents have criticised")


def test_aligned_sentences_get_no_unmatched_finding(
    wildfire: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = wildfire
    unmatched = [f.span for f in comparison.findings if f.kind == "source.unmatched"]
    aligned = [p.article_span for p in comparison.pairs if p.label is not Label.ADDED]
    assert not any(u.overlaps(a) for u in unmatched for a in aligned)


def test_source_sentences_left_out_are_listed_as_omitted(
    wildfire: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = wildfire
    assert [s.of(SOURCE) for s in comparison.omitted] == [
        "Wildfire forces evacuation of 3,000 residents near Karvale",
        "The cause of the fire is under investigation.",
    ]


def test_reuse_is_the_share_of_characters_aligned(
    wildfire: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = wildfire
    lines = ARTICLE.splitlines()
    assert comparison.article_reuse == pytest.approx(
        sum(map(len, lines[:4])) / sum(map(len, lines)), abs=1e-3
    )
    src = SOURCE.splitlines()
    assert comparison.source_reuse == pytest.approx(
        sum(map(len, src[1:5])) / sum(map(len, src)), abs=1e-3
    )


def test_check_with_a_source_adds_the_comparison_findings() -> None:
    result = check(Article(ARTICLE), Article(SOURCE, doc_id="source"))
    assert result.comparison is not None
    assert [p.label for p in result.comparison.pairs].count(Label.ADDED) == 1
    kinds = {f.kind for f in result.findings}
    assert {"source.unmatched", "source.negation_flipped", "source.number_changed"} <= kinds


@pytest.mark.parametrize("backend", ["auto", "lexical"])
def test_vectors_computed_ahead_give_the_same_comparison(
    wildfire: tuple[Analysed, Analysed, Comparison],
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article, source, _ = wildfire
    monkeypatch.setenv(EMBEDDINGS_ENV, backend)
    alone = compare(article, source)
    ahead = VectorsAhead()
    embed_ahead(ahead, article)  # the source's sentences are left for compare to embed
    assert compare(article, source, ahead) == alone
    ahead = VectorsAhead()
    embed_ahead(ahead, article)
    embed_ahead(ahead, source, threads=2)
    assert compare(article, source, ahead) == alone
    ahead = VectorsAhead()
    embed_likely(ahead, article.article, source.article)  # before the parse, as `check` does
    embed_ahead(ahead, article)  # only what the guess missed is embedded again
    embed_ahead(ahead, source, threads=2)
    assert compare(article, source, ahead) == alone
    assert sum(p.label is Label.CHANGED for p in alone.pairs) == 2


def test_the_sentences_guessed_before_the_parse_are_the_parsed_ones() -> None:
    text = (
        "Senators back crash inquiry\n"
        "Sen. Ted Cruz and Mr. J. Smith met U.S. officials on Monday. They said the talks "
        "went well.\n"
        "“We will hold hearings,” Cruz said. The committee meets again in 2026!\n"
    )
    guessed = likely_body_texts(Article(text))
    assert guessed == [
        "Senators back crash inquiry",
        "Sen. Ted Cruz and Mr. J. Smith met U.S. officials on Monday.",
        "They said the talks went well.",
        "“We will hold hearings,” Cruz said.",
        "The committee meets again in 2026!",
    ]
    assert [u.text for u in body_units(analyse(Article(text)).doc)] == guessed


# --- the seed case ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> tuple[Analysed, Analysed, Comparison]:
    article = analyse(read_file(seed_dir / "article.txt"))
    source = analyse(read_file(seed_dir / "source.txt"))
    return article, source, compare(article, source)


def _pair_texts(seed: tuple[Analysed, Analysed, Comparison]) -> list[tuple[str, list[str], Label]]:
    article, source, comparison = seed
    return [
        (
            p.article_span.of(article.article.text),
            [s.of(source.article.text) for s in p.source_spans],
            p.label,
        )
        for p in comparison.pairs
    ]


@pytest.mark.parametrize(
    ("article_starts", "source_starts"),
    [
        ("Prior to the most recent round of peace talks", "A Russian delegation is heading"),
        ("A Ukrainian diplomatic source told Reuters", "A Ukrainian delegation arrived in Ankara"),
        ("According to the source, Kyiv is prepared", "Kyiv is ready to take significant steps"),
        ("On Wednesday evening, Peskov told reporters", "The talks, the third iteration"),
        ("The first meeting between the parties", "The meeting, proposed by Ukraine"),
        ("No one wants an easy road", "“No one expects an easy road,”"),
        ("Prior discussions have resulted", "Previous rounds of talks"),
        ("However, they were unable to end the conflict", "But they failed to produce"),
        ("No “miraclear breakthroughs” were anticipated", "No ‘miraculous breakthroughs’ expected"),
        ("Peskov predicted that the discussions", "Peskov said the talks would cover"),
        ("He had stated on Tuesday", "On Tuesday, he had said there was no reason"),
        (
            "Vladimir Medinsky, a former culture minister",
            "Rustem Umerov, a former defence minister",
        ),
    ],
)
def test_seed_recovered_sentences_align_to_their_source(
    seed: tuple[Analysed, Analysed, Comparison], article_starts: str, source_starts: str
) -> None:
    (match,) = [p for p in _pair_texts(seed) if p[0].startswith(article_starts)]
    assert [s[: len(source_starts)] for s in match[1]] == [source_starts]
    assert match[2] is not Label.ADDED


def test_seed_sentences_after_the_recovered_part_are_added_not_changed(
    seed: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = seed
    pairs = _pair_texts(seed)
    first_unrecovered = next(
        k for k, p in enumerate(pairs) if p[0].startswith("Russia accused Medinsky")
    )
    assert first_unrecovered == 12
    rest = pairs[first_unrecovered:]
    assert any(p[0] == "Zelenskyy outlines modest goals." for p in rest)
    assert all(label is Label.ADDED for _, _, label in rest)
    unmatched = {f.span for f in comparison.findings if f.kind == "source.unmatched"}
    assert unmatched == {p.article_span for p in comparison.pairs[first_unrecovered:]}
    # nothing from the page furniture or the declared source is a sentence to match
    assert not any("Leave a Reply" in p[0] or "Source: Aljazeera" in p[0] for p in pairs)


def test_seed_swapped_roles_and_altered_quotes_make_their_sentences_changed(
    seed: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, _, comparison = seed
    labels = {p[0][:30]: p[2] for p in _pair_texts(seed)}
    assert labels["Vladimir Medinsky, a former cu"] is Label.CHANGED
    assert labels["No one wants an easy road, Pes"] is Label.CHANGED
    kinds = {f.kind for f in comparison.findings}
    assert {"source.role_swap", "source.quote_altered"} <= kinds


def test_seed_source_headline_is_omitted_and_reuse_reflects_the_unrecovered_tail(
    seed: tuple[Analysed, Analysed, Comparison],
) -> None:
    _, source, comparison = seed
    text = source.article.text
    assert [s.of(text) for s in comparison.omitted] == [text.splitlines()[0]]
    assert comparison.source_reuse > 0.9
    assert 0.25 < comparison.article_reuse < 0.5
